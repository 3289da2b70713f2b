package org.accord.gateway.crypto;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
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

/**
 * The outer, encrypted layer of a received message: AES-256-GCM AuthEnvelopedData in DER, or,
 * when the caller accepts it, AES-256-CBC EnvelopedData; either way with id-data content.
 */
final class Envelope {

    private static final int GCM_NONCE_LENGTH = 12;
    private static final int GCM_TAG_LENGTH = 16;
    private static final int CBC_IV_LENGTH = 16;

    private final ASN1Set recipientInfos;
    private final RecipientInformationStore recipients;
    private final boolean authenticated;

    private Envelope(ASN1Set recipientInfos, RecipientInformationStore recipients, boolean authenticated) {
        this.recipientInfos = recipientInfos;
        this.recipients = recipients;
        this.authenticated = authenticated;
    }

    static Envelope parse(byte[] der, boolean acceptEnvelopedData) {
        BouncyCastle.provider();
        try {
            ContentInfo contentInfo = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
            require(contentInfo != null);
            if (CMSObjectIdentifiers.authEnvelopedData.equals(contentInfo.getContentType())) {
                require(Arrays.equals(der, contentInfo.getEncoded(ASN1Encoding.DER)));
                AuthEnvelopedData structure = AuthEnvelopedData.getInstance(contentInfo.getContent());
                require(structure.getVersion().hasValue(0)
                        && structure.getOriginatorInfo() == null
                        && structure.getUnauthAttrs() == null);
                requireGcm(structure.getAuthEncryptedContentInfo());
                return new Envelope(structure.getRecipientInfos(),
                        new CMSAuthEnvelopedData(contentInfo).getRecipientInfos(), true);
            }
            require(acceptEnvelopedData && CMSObjectIdentifiers.envelopedData.equals(contentInfo.getContentType()));
            EnvelopedData structure = EnvelopedData.getInstance(contentInfo.getContent());
            requireCbc(structure.getEncryptedContentInfo());
            return new Envelope(structure.getRecipientInfos(),
                    new CMSEnvelopedData(contentInfo).getRecipientInfos(), false);
        } catch (MessageRejectedException e) {
            throw e;
        } catch (IOException | CMSException | RuntimeException e) {
            throw new MessageRejectedException(RejectionCode.MALFORMED, e);
        }
    }

    byte[] decrypt(PrivateKey recipientKey, X509Certificate recipientCert) {
        X509CertificateHolder holder = holder(recipientCert);
        try {
            RecipientInfoRules.check(recipientInfos, holder);
        } catch (MessageRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MessageRejectedException(RejectionCode.MALFORMED, e);
        }
        RecipientInformation mine = find(holder);
        Recipient recipient = recipient(mine, recipientKey, recipientCert);
        try {
            return mine.getContent(recipient);
        } catch (CMSException | RuntimeException e) {
            throw new MessageRejectedException(RejectionCode.DECRYPTION_FAILED, e);
        }
    }

    private RecipientInformation find(X509CertificateHolder holder) {
        RecipientInformation found = null;
        for (RecipientInformation candidate : recipients.getRecipients()) {
            if (candidate.getRID().match(holder)) {
                require(found == null);
                found = candidate;
            }
        }
        if (found == null) {
            throw new MessageRejectedException(RejectionCode.NOT_FOR_THIS_RECIPIENT);
        }
        return found;
    }

    private Recipient recipient(RecipientInformation information, PrivateKey key, X509Certificate certificate) {
        String provider = BouncyCastle.provider();
        Optional<Provider> token = PrivateKeys.token(key);
        if (token.isPresent()) {
            if (information instanceof KeyAgreeRecipientInformation && PrivateKeys.isEc(key)) {
                return TokenRecipients.keyAgree(key, SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded())
                        .getAlgorithm(), token.get(), authenticated);
            }
            if (information instanceof KeyTransRecipientInformation && PrivateKeys.isRsa(key)
                    && certificate.getPublicKey() instanceof RSAPublicKey publicKey) {
                return TokenRecipients.keyTransport(key, publicKey, token.get(), authenticated);
            }
            throw new MessageRejectedException(RejectionCode.DECRYPTION_FAILED);
        }
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

    private static void requireGcm(EncryptedContentInfo content) {
        require(CMSObjectIdentifiers.data.equals(content.getContentType()));
        AlgorithmIdentifier algorithm = content.getContentEncryptionAlgorithm();
        require(CMSAlgorithm.AES256_GCM.equals(algorithm.getAlgorithm()));
        GCMParameters parameters = GCMParameters.getInstance(algorithm.getParameters());
        require(parameters.getNonce().length == GCM_NONCE_LENGTH && parameters.getIcvLen() == GCM_TAG_LENGTH);
    }

    private static void requireCbc(EncryptedContentInfo content) {
        require(CMSObjectIdentifiers.data.equals(content.getContentType()));
        AlgorithmIdentifier algorithm = content.getContentEncryptionAlgorithm();
        require(CMSAlgorithm.AES256_CBC.equals(algorithm.getAlgorithm()));
        require(ASN1OctetString.getInstance(algorithm.getParameters()).getOctets().length == CBC_IV_LENGTH);
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException("recipient certificate cannot be encoded", e);
        }
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw new MessageRejectedException(RejectionCode.MALFORMED);
        }
    }
}
