package org.accord.gateway.crypto;

import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientIdentifier;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.OriginatorPublicKey;
import org.bouncycastle.asn1.cms.RecipientEncryptedKey;
import org.bouncycastle.asn1.cms.RecipientIdentifier;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.KeyAgreeRecipientId;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.RecipientId;

/**
 * Accord's rules for the recipient info addressed to this gateway. Its fields are outside the
 * authenticated ciphertext, so anything Bouncy Castle would tolerate (a changed version, curve
 * or OAEP parameter encoding) is refused here: an altered envelope is never accepted.
 * Key transport must be RSA-OAEP with SHA-256; key agreement ephemeral-static ECDH on the
 * recipient's curve with a SHA-2 KDF and AES-256 key wrap (RFC 5753, RFC 8017).
 */
final class RecipientInfoRules {

    private static final Set<ASN1ObjectIdentifier> KEY_AGREEMENT = Set.of(
            CMSAlgorithm.ECDH_SHA256KDF, CMSAlgorithm.ECDH_SHA384KDF, CMSAlgorithm.ECDH_SHA512KDF);

    private RecipientInfoRules() {
    }

    static void check(ASN1Set recipientInfos, X509CertificateHolder recipient) {
        for (ASN1Encodable element : recipientInfos) {
            ASN1Encodable info = RecipientInfo.getInstance(element).getInfo();
            if (info instanceof KeyTransRecipientInfo keyTransport && addressedTo(keyTransport, recipient)) {
                checkKeyTransport(keyTransport);
            } else if (info instanceof KeyAgreeRecipientInfo keyAgreement && addressedTo(keyAgreement, recipient)) {
                checkKeyAgreement(keyAgreement, recipient);
            }
        }
    }

    private static boolean addressedTo(KeyTransRecipientInfo info, X509CertificateHolder recipient) {
        RecipientIdentifier identifier = info.getRecipientIdentifier();
        RecipientId id = identifier.isTagged()
                ? new KeyTransRecipientId(ASN1OctetString.getInstance(identifier.getId()).getOctets())
                : keyTransportId(IssuerAndSerialNumber.getInstance(identifier.getId()));
        return id.match(recipient);
    }

    private static boolean addressedTo(KeyAgreeRecipientInfo info, X509CertificateHolder recipient) {
        for (ASN1Encodable element : info.getRecipientEncryptedKeys()) {
            KeyAgreeRecipientIdentifier identifier = RecipientEncryptedKey.getInstance(element).getIdentifier();
            IssuerAndSerialNumber issuerAndSerial = identifier.getIssuerAndSerialNumber();
            RecipientId id = issuerAndSerial != null
                    ? new KeyAgreeRecipientId(issuerAndSerial.getName(), issuerAndSerial.getSerialNumber().getValue())
                    : new KeyAgreeRecipientId(identifier.getRKeyID().getSubjectKeyIdentifier().getOctets());
            if (id.match(recipient)) {
                return true;
            }
        }
        return false;
    }

    private static RecipientId keyTransportId(IssuerAndSerialNumber issuerAndSerial) {
        return new KeyTransRecipientId(issuerAndSerial.getName(), issuerAndSerial.getSerialNumber().getValue());
    }

    private static void checkKeyTransport(KeyTransRecipientInfo info) {
        int expectedVersion = info.getRecipientIdentifier().isTagged() ? 2 : 0;
        require(info.getVersion().hasValue(expectedVersion));
        AlgorithmIdentifier algorithm = info.getKeyEncryptionAlgorithm();
        require(PKCSObjectIdentifiers.id_RSAES_OAEP.equals(algorithm.getAlgorithm()));
        RSAESOAEPparams oaep = RSAESOAEPparams.getInstance(algorithm.getParameters());
        requireSha256(oaep.getHashAlgorithm());
        require(PKCSObjectIdentifiers.id_mgf1.equals(oaep.getMaskGenAlgorithm().getAlgorithm()));
        requireSha256(AlgorithmIdentifier.getInstance(oaep.getMaskGenAlgorithm().getParameters()));
        AlgorithmIdentifier pSource = oaep.getPSourceAlgorithm();
        require(PKCSObjectIdentifiers.id_pSpecified.equals(pSource.getAlgorithm())
                && ASN1OctetString.getInstance(pSource.getParameters()).getOctets().length == 0);
    }

    private static void checkKeyAgreement(KeyAgreeRecipientInfo info, X509CertificateHolder recipient) {
        require(info.getVersion().hasValue(3));
        OriginatorPublicKey originator = info.getOriginator().getOriginatorKey();
        require(originator != null);
        AlgorithmIdentifier originatorAlgorithm = originator.getAlgorithm();
        require(X9ObjectIdentifiers.id_ecPublicKey.equals(originatorAlgorithm.getAlgorithm()));
        ASN1Encodable curve = originatorAlgorithm.getParameters();
        require(curve == null
                || curve.equals(recipient.getSubjectPublicKeyInfo().getAlgorithm().getParameters()));
        require(originator.getPublicKeyData().getPadBits() == 0);
        AlgorithmIdentifier algorithm = info.getKeyEncryptionAlgorithm();
        require(KEY_AGREEMENT.contains(algorithm.getAlgorithm()));
        AlgorithmIdentifier wrap = AlgorithmIdentifier.getInstance(algorithm.getParameters());
        require(NISTObjectIdentifiers.id_aes256_wrap.equals(wrap.getAlgorithm()) && wrap.getParameters() == null);
    }

    private static void requireSha256(AlgorithmIdentifier digest) {
        require(NISTObjectIdentifiers.id_sha256.equals(digest.getAlgorithm()));
        ASN1Encodable parameters = digest.getParameters();
        require(parameters == null || DERNull.INSTANCE.equals(parameters));
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw new MessageRejectedException(RejectionCode.MALFORMED);
        }
    }
}
