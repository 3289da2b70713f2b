package org.accord.gateway.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * CMS detached signatures over a whole file, as {@code openssl cms -sign -binary -outform DER} makes them: the
 * SignedData holds no content, its signed attributes hold the SHA-256 of the file, and it carries the signer's
 * certificate. Used for signatories' signatures on agreement files.
 */
public final class DetachedSignatures {

    private DetachedSignatures() {
    }

    /** A signature that matched the content: the signer's certificate, the others carried, and the claimed signing time. */
    public record Verified(X509Certificate signer, List<X509Certificate> otherCertificates, Instant signingTimeOrNull) {

        public Verified {
            otherCertificates = List.copyOf(otherCertificates);
        }

        /** The signer first, then the other certificates: a chain to check against trust anchors. */
        public List<X509Certificate> chain() {
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(signer);
            chain.addAll(otherCertificates);
            return chain;
        }
    }

    /** Thrown when the bytes are not one valid detached signature over the content. */
    public static final class InvalidSignatureException extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidSignatureException(String message) {
            super(message);
        }
    }

    /** A DER CMS SignedData over {@code content}, detached, SHA-256, with signing time and the certificate. */
    public static byte[] sign(byte[] content, PrivateKey key, X509Certificate certificate) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.provider()).build())
                    .build(new JcaContentSignerBuilder(Signatures.algorithm(key)).setProvider(BouncyCastle.provider()).build(key),
                            certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (OperatorCreationException | CMSException | CertificateException | IOException e) {
            throw new IllegalArgumentException("cannot sign with this key and certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code signature} is exactly one signer's valid detached signature over {@code content}. Trust in
     * the certificate is not checked here (see {@link CertificatePaths}).
     */
    public static Verified verify(byte[] content, byte[] signature) throws InvalidSignatureException {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
        } catch (CMSException | RuntimeException e) {
            throw new InvalidSignatureException("not a CMS signature");
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new InvalidSignatureException("expected one signer, found " + signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Store<X509CertificateHolder> store = signed.getCertificates();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw new InvalidSignatureException("the signer's certificate is not in the signature");
        }
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BouncyCastle.provider());
            X509CertificateHolder holder = matches.iterator().next();
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.provider()).build(holder))) {
                throw new InvalidSignatureException("the signature does not match the file");
            }
            X509Certificate signerCertificate = converter.getCertificate(holder);
            List<X509Certificate> others = new ArrayList<>();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = store.getMatches(null);
            for (X509CertificateHolder other : all) {
                if (!other.equals(holder)) {
                    others.add(converter.getCertificate(other));
                }
            }
            return new Verified(signerCertificate, others, signingTime(signer));
        } catch (CMSException e) {
            throw new InvalidSignatureException("the signature does not match the file");
        } catch (OperatorCreationException | GeneralSecurityException | RuntimeException e) {
            throw new InvalidSignatureException("the signature cannot be checked");
        }
    }

    private static Instant signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return null;
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        try {
            return Time.getInstance(value).getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
