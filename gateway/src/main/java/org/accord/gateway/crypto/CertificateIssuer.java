package org.accord.gateway.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates demo key pairs and issues demo certificates; see {@link DemoPki}. */
final class CertificateIssuer {

    private static final Duration VALIDITY = Duration.ofDays(730);
    private static final Duration BACKDATING = Duration.ofMinutes(5);
    private static final String ORGANISATION = "Accord DEMO";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:]*");

    private CertificateIssuer() {
    }

    static KeyPair generate(KeyAlgorithm algorithm) {
        try {
            String provider = BouncyCastle.provider();
            return switch (algorithm) {
                case EC_P256 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
                    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                    yield generator.generateKeyPair();
                }
                case RSA_3072 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
                    generator.initialize(3072, RANDOM);
                    yield generator.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key generation failed", e);
        }
    }

    static DemoCredential certificateAuthority(KeyPair keys, Instant now) {
        X500Name subject = name("Accord Demo CA");
        int usage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
        X509Certificate certificate = build(subject, keys.getPublic(), subject, keys.getPrivate(), null,
                new BasicConstraints(0), usage, now, List.of());
        return new DemoCredential(keys.getPrivate(), certificate);
    }

    static DemoCredential endEntity(String commonName, KeyPair keys, DemoCredential issuer, Instant now) {
        return endEntity(commonName, keys, issuer, now, List.of());
    }

    /**
     * @param serverNames DNS names and IP addresses for a TLS server certificate (subject alternative names,
     *                    extended key usage serverAuth); empty for a signing and encryption certificate
     */
    static DemoCredential endEntity(String commonName, KeyPair keys, DemoCredential issuer, Instant now, List<String> serverNames) {
        int usage = keys.getPublic() instanceof ECKey
                ? KeyUsage.digitalSignature | KeyUsage.keyAgreement
                : KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
        X509Certificate certificate = build(name(commonName), keys.getPublic(),
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                issuer.key(), issuer.certificate(), new BasicConstraints(false), usage, now, serverNames);
        return new DemoCredential(keys.getPrivate(), certificate);
    }

    private static X509Certificate build(X500Name subject, PublicKey subjectKey, X500Name issuer,
            PrivateKey issuerKey, X509Certificate issuerCertificate, BasicConstraints constraints, int usage,
            Instant now, List<String> serverNames) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(159, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(BACKDATING)), Date.from(now.plus(VALIDITY)), subject, subjectKey)
                    .addExtension(Extension.basicConstraints, true, constraints)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, issuerCertificate == null
                            ? extensions.createAuthorityKeyIdentifier(subjectKey)
                            : extensions.createAuthorityKeyIdentifier(issuerCertificate));
            if (!serverNames.isEmpty()) {
                GeneralName[] names = serverNames.stream().map(n -> new GeneralName(
                        IP_ADDRESS.matcher(n).matches() ? GeneralName.iPAddress : GeneralName.dNSName, n)).toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names))
                        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            }
            String algorithm = issuerKey instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.provider())
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm)
                            .setProvider(BouncyCastle.provider())
                            .build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("certificate issuance failed", e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }
}
