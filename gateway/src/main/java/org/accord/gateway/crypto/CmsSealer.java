package org.accord.gateway.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * Seals content for one recipient: signs it as CMS SignedData (SHA-256 with ECDSA or RSA PKCS#1
 * v1.5, chosen from the signing key) with Accord's transfer id as a signed attribute, then
 * encrypts the DER SignedData as id-data inside AES-256-GCM AuthEnvelopedData, with ECDH
 * ephemeral-static key agreement for an EC recipient or RSA-OAEP-SHA256 for an RSA recipient.
 *
 * <p>The inner content type is id-data rather than signedData because OpenSSL 3.0 cannot open
 * AuthEnvelopedData around signedData; the receiver decrypts, then verifies. Thread-safe.
 */
public final class CmsSealer {

    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;

    private final PrivateKey signingKey;
    private final List<X509Certificate> certificateChain;
    private final Clock clock;
    // Parsed and encoded once, not on every seal: the signer certificate, the chain to include, its fingerprint.
    private final X509CertificateHolder signerCertificate;
    private final Store<X509CertificateHolder> certificates;
    private final String signerSha256;

    /**
     * @param signingKey       the gateway's EC P-256 or RSA signing key
     * @param certificateChain the signer certificate first, then any intermediates; all are
     *                         included in the SignedData
     */
    public CmsSealer(PrivateKey signingKey, List<X509Certificate> certificateChain) {
        this(signingKey, certificateChain, Clock.systemUTC());
    }

    /** As {@link #CmsSealer(PrivateKey, List)}, taking the signing time from {@code clock}. */
    public CmsSealer(PrivateKey signingKey, List<X509Certificate> certificateChain, Clock clock) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.certificateChain = List.copyOf(certificateChain);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (this.certificateChain.isEmpty()) {
            throw new IllegalArgumentException("certificateChain must hold the signer certificate");
        }
        PrivateKeys.signatureAlgorithm(signingKey);
        BouncyCastle.provider();
        if (!KeyPairCheck.matches(signingKey, this.certificateChain.get(0))) {
            throw new IllegalArgumentException("signingKey does not belong to the first certificate of the chain");
        }
        try {
            this.signerCertificate = new JcaX509CertificateHolder(this.certificateChain.get(0));
            this.certificates = new JcaCertStore(this.certificateChain);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificateChain holds a certificate that cannot be encoded", e);
        }
        this.signerSha256 = Fingerprints.sha256Hex(this.certificateChain.get(0));
    }

    /**
     * Signs and encrypts {@code content} for {@code recipient}.
     *
     * @throws IllegalArgumentException if the transfer id is blank, or the recipient key is neither
     *                                  EC nor RSA, or its key usage forbids key agreement (EC) or key
     *                                  encipherment (RSA)
     * @throws IllegalStateException    if the cryptographic operation fails
     */
    public SealedMessage seal(byte[] content, String transferId, X509Certificate recipient) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(recipient, "recipient");
        if (transferId == null || transferId.isBlank()) {
            throw new IllegalArgumentException("transferId must not be blank");
        }
        try {
            byte[] signedData = sign(content, transferId);
            byte[] der = encrypt(signedData, recipient);
            return new SealedMessage(der, Fingerprints.sha256Hex(der), signerSha256);
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    private byte[] sign(byte[] content, String transferId)
            throws OperatorCreationException, CertificateEncodingException, CMSException, IOException {
        String provider = BouncyCastle.provider();
        // A key in a PKCS#11 token signs inside the token; the digests are computed here either way.
        ContentSigner contentSigner = new JcaContentSignerBuilder(PrivateKeys.signatureAlgorithm(signingKey))
                .setProvider(PrivateKeys.provider(signingKey))
                .build(signingKey);
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime,
                new DERSet(new Time(Date.from(clock.instant())))));
        attributes.add(new Attribute(TransferIdAttribute.OID, new DERSet(new DERUTF8String(transferId))));

        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(provider).build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(contentSigner, signerCertificate));
        generator.addCertificates(certificates);
        return generator.generate(new CMSProcessableByteArray(content), true).getEncoded(ASN1Encoding.DER);
    }

    private static byte[] encrypt(byte[] signedData, X509Certificate recipient)
            throws GeneralSecurityException, CMSException, IOException {
        String provider = BouncyCastle.provider();
        CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(recipientInfo(recipient, provider));
        OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                .setProvider(provider)
                .build();
        return generator.generate(new CMSProcessableByteArray(signedData), encryptor)
                .toASN1Structure()
                .getEncoded(ASN1Encoding.DER);
    }

    private static RecipientInfoGenerator recipientInfo(X509Certificate recipient, String provider)
            throws GeneralSecurityException {
        PublicKey key = recipient.getPublicKey();
        boolean[] keyUsage = recipient.getKeyUsage();
        if (key instanceof ECPublicKey ecKey) {
            requireKeyUsage(keyUsage, KEY_AGREEMENT);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(ephemeralParameters(ecKey));
            KeyPair ephemeral = generator.generateKeyPair();
            return new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                    ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                    .addRecipient(recipient)
                    .setProvider(provider);
        }
        if (key instanceof RSAPublicKey) {
            requireKeyUsage(keyUsage, KEY_ENCIPHERMENT);
            AlgorithmIdentifier oaep = new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
                    PKCSObjectIdentifiers.id_RSAES_OAEP,
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            return new JceKeyTransRecipientInfoGenerator(recipient, oaep).setProvider(provider);
        }
        throw new IllegalArgumentException("recipient key must be EC or RSA, was " + key.getAlgorithm());
    }

    /**
     * The recipient's named curve, so the ephemeral key's parameters encode as the same OID: a certificate read
     * by the JDK's certificate factory carries parameters that Bouncy Castle would otherwise encode explicitly,
     * which receivers (Accord's own opener included) refuse.
     */
    private static java.security.spec.AlgorithmParameterSpec ephemeralParameters(ECPublicKey key) {
        org.bouncycastle.asn1.ASN1Encodable parameters = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
                .getInstance(key.getEncoded()).getAlgorithm().getParameters();
        if (parameters instanceof org.bouncycastle.asn1.ASN1ObjectIdentifier curve) {
            return new java.security.spec.ECGenParameterSpec(curve.getId());
        }
        return key.getParams();
    }

    private static void requireKeyUsage(boolean[] keyUsage, int bit) {
        if (keyUsage != null && (keyUsage.length <= bit || !keyUsage[bit])) {
            throw new IllegalArgumentException("recipient certificate's key usage forbids this key management");
        }
    }

}
