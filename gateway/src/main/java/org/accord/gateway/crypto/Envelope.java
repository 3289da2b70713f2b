package org.accord.gateway.crypto;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;

/** The outer, encrypted layer of a received message. */
final class Envelope {

    private final RecipientInformationStore recipients;
    private final boolean authenticated;

    private Envelope(RecipientInformationStore recipients, boolean authenticated) {
        this.recipients = recipients;
        this.authenticated = authenticated;
    }

    static Envelope parse(byte[] der, boolean acceptEnvelopedData) {
        BouncyCastle.provider();
        ContentInfo contentInfo;
        try {
            contentInfo = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw new MessageRejectedException(RejectionCode.MALFORMED, e);
        }
        if (contentInfo == null) {
            throw new MessageRejectedException(RejectionCode.MALFORMED);
        }
        try {
            if (CMSObjectIdentifiers.authEnvelopedData.equals(contentInfo.getContentType())) {
                requireDistinguishedEncoding(der, contentInfo);
                AuthEnvelopedData structure = AuthEnvelopedData.getInstance(contentInfo.getContent());
                if (structure.getVersion().intValueExact() != 0
                        || !CMSObjectIdentifiers.data.equals(structure.getAuthEncryptedContentInfo().getContentType())) {
                    throw new MessageRejectedException(RejectionCode.MALFORMED);
                }
                return new Envelope(new CMSAuthEnvelopedData(contentInfo).getRecipientInfos(), true);
            }
            if (acceptEnvelopedData && CMSObjectIdentifiers.envelopedData.equals(contentInfo.getContentType())) {
                return new Envelope(new CMSEnvelopedData(contentInfo).getRecipientInfos(), false);
            }
        } catch (CMSException | RuntimeException e) {
            if (e instanceof MessageRejectedException rejected) {
                throw rejected;
            }
            throw new MessageRejectedException(RejectionCode.MALFORMED, e);
        }
        throw new MessageRejectedException(RejectionCode.MALFORMED);
    }

    byte[] decrypt(PrivateKey recipientKey, X509Certificate recipientCert) {
        RecipientInformation mine = find(recipientCert);
        Recipient recipient = recipient(mine, recipientKey);
        try {
            return mine.getContent(recipient);
        } catch (CMSException | RuntimeException e) {
            throw new MessageRejectedException(RejectionCode.DECRYPTION_FAILED, e);
        }
    }

    private RecipientInformation find(X509Certificate recipientCert) {
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(recipientCert.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException("recipient certificate cannot be encoded", e);
        }
        RecipientInformation found = null;
        for (RecipientInformation candidate : recipients.getRecipients()) {
            if (candidate.getRID().match(holder)) {
                if (found != null) {
                    throw new MessageRejectedException(RejectionCode.MALFORMED);
                }
                found = candidate;
            }
        }
        if (found == null) {
            throw new MessageRejectedException(RejectionCode.NOT_FOR_THIS_RECIPIENT);
        }
        return found;
    }

    private Recipient recipient(RecipientInformation information, PrivateKey key) {
        String provider = BouncyCastle.provider();
        if (information instanceof KeyAgreeRecipientInformation && key instanceof ECKey) {
            return authenticated
                    ? new JceKeyAgreeAuthEnvelopedRecipient(key).setProvider(provider)
                    : new JceKeyAgreeEnvelopedRecipient(key).setProvider(provider);
        }
        if (information instanceof KeyTransRecipientInformation && key instanceof RSAKey) {
            return authenticated
                    ? new JceKeyTransAuthEnvelopedRecipient(key).setProvider(provider)
                    : new JceKeyTransEnvelopedRecipient(key).setProvider(provider);
        }
        throw new MessageRejectedException(RejectionCode.DECRYPTION_FAILED);
    }

    private static void requireDistinguishedEncoding(byte[] der, ContentInfo contentInfo) {
        try {
            if (!Arrays.equals(der, contentInfo.getEncoded(ASN1Encoding.DER))) {
                throw new MessageRejectedException(RejectionCode.MALFORMED);
            }
        } catch (IOException e) {
            throw new MessageRejectedException(RejectionCode.MALFORMED, e);
        }
    }
}
