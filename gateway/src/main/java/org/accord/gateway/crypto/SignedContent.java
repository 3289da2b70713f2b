package org.accord.gateway.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/** The inner SignedData of a received message, once decrypted. */
final class SignedContent {

    /** Digests a signature may use: the SHA-2 family, nothing weaker. */
    static final Set<String> ACCEPTED_DIGESTS = Set.of(NISTObjectIdentifiers.id_sha256.getId(),
            NISTObjectIdentifiers.id_sha384.getId(), NISTObjectIdentifiers.id_sha512.getId());
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private final byte[] content;
    private final SignerInformation signer;
    private final X509Certificate signerCertificate;

    private SignedContent(byte[] content, SignerInformation signer, X509Certificate signerCertificate) {
        this.content = content;
        this.signer = signer;
        this.signerCertificate = signerCertificate;
    }

    static SignedContent parse(byte[] signedDataDer) {
        try {
            CMSSignedData signedData = new CMSSignedData(signedDataDer);
            if (!CMSObjectIdentifiers.data.getId().equals(signedData.getSignedContentTypeOID())
                    || signedData.getSignedContent() == null) {
                throw new MessageRejectedException(RejectionCode.MALFORMED);
            }
            Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new MessageRejectedException(RejectionCode.MALFORMED);
            }
            SignerInformation signer = signers.iterator().next();
            if (signer.getSignedAttributes() == null) {
                throw new MessageRejectedException(RejectionCode.MALFORMED);
            }
            Collection<X509CertificateHolder> matches = signedData.getCertificates().getMatches(signer.getSID());
            if (matches.size() != 1) {
                throw new MessageRejectedException(RejectionCode.SIGNER_UNTRUSTED);
            }
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .setProvider(BouncyCastle.provider())
                    .getCertificate(matches.iterator().next());
            byte[] content = (byte[]) signedData.getSignedContent().getContent();
            return new SignedContent(content, signer, certificate);
        } catch (MessageRejectedException e) {
            throw e;
        } catch (CMSException | CertificateException | RuntimeException e) {
            throw new MessageRejectedException(RejectionCode.MALFORMED, e);
        }
    }

    OpenedMessage verify(List<X509Certificate> trustAnchors, Instant now, boolean requireTransferId) {
        verifySignature();
        requireIssuedByAnchor(trustAnchors);
        requireValidAt(now);
        Instant signingTime = signingTime();
        String transferId = transferId();
        if (transferId == null && requireTransferId) {
            throw new MessageRejectedException(RejectionCode.TRANSFER_ID_MISSING);
        }
        return new OpenedMessage(content, signerCertificate, signingTime, transferId);
    }

    private void verifySignature() {
        if (!ACCEPTED_DIGESTS.contains(signer.getDigestAlgOID())) {
            throw new MessageRejectedException(RejectionCode.SIGNATURE_INVALID);
        }
        boolean valid;
        try {
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(BouncyCastle.provider())
                    .build(signerCertificate));
        } catch (CMSVerifierCertificateNotValidException e) {
            throw new MessageRejectedException(RejectionCode.SIGNER_CERTIFICATE_EXPIRED, e);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            throw new MessageRejectedException(RejectionCode.SIGNATURE_INVALID, e);
        }
        if (!valid) {
            throw new MessageRejectedException(RejectionCode.SIGNATURE_INVALID);
        }
    }

    private void requireIssuedByAnchor(List<X509Certificate> trustAnchors) {
        for (X509Certificate anchor : trustAnchors) {
            if (issuedBy(anchor)) {
                requireSigningKeyUsage();
                return;
            }
        }
        throw new MessageRejectedException(RejectionCode.SIGNER_UNTRUSTED);
    }

    private boolean issuedBy(X509Certificate anchor) {
        if (!anchor.getSubjectX500Principal().equals(signerCertificate.getIssuerX500Principal())) {
            return false;
        }
        PublicKey anchorKey = anchor.getPublicKey();
        try {
            signerCertificate.verify(anchorKey, BouncyCastle.provider());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private void requireSigningKeyUsage() {
        boolean[] keyUsage = signerCertificate.getKeyUsage();
        if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE] && !keyUsage[NON_REPUDIATION]) {
            throw new MessageRejectedException(RejectionCode.SIGNER_UNTRUSTED);
        }
    }

    private void requireValidAt(Instant now) {
        try {
            signerCertificate.checkValidity(Date.from(now));
        } catch (CertificateException e) {
            throw new MessageRejectedException(RejectionCode.SIGNER_CERTIFICATE_EXPIRED, e);
        }
    }

    private Instant signingTime() {
        ASN1Encodable value = singleValue(signer.getSignedAttributes(), CMSAttributes.signingTime);
        if (value == null) {
            throw new MessageRejectedException(RejectionCode.MALFORMED);
        }
        try {
            return Time.getInstance(value).getDate().toInstant();
        } catch (RuntimeException e) {
            throw new MessageRejectedException(RejectionCode.MALFORMED, e);
        }
    }

    private String transferId() {
        ASN1Encodable value = singleValue(signer.getSignedAttributes(), TransferIdAttribute.OID);
        if (!(value instanceof ASN1UTF8String utf8)) {
            return null;
        }
        String transferId = utf8.getString();
        return transferId.isBlank() ? null : transferId;
    }

    private static ASN1Encodable singleValue(AttributeTable attributes, ASN1ObjectIdentifier type) {
        if (attributes.getAll(type).size() > 1) {
            throw new MessageRejectedException(RejectionCode.MALFORMED);
        }
        Attribute attribute = attributes.get(type);
        if (attribute == null) {
            return null;
        }
        ASN1Set values = attribute.getAttrValues();
        if (values.size() != 1) {
            throw new MessageRejectedException(RejectionCode.MALFORMED);
        }
        return values.getObjectAt(0);
    }
}
