package org.accord.gateway.crypto;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Makes a partner's signed receipt: the receipt JSON as attached id-data content of a CMS SignedData,
 * SHA-256 with ECDSA or RSA, with a signing time; the same shape as
 * {@code openssl cms -sign -binary -nodetach -outform DER -md sha256}. Thread-safe.
 */
public final class ReceiptSigner {

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final Clock clock;

    /** @param chain the signer certificate first, then any intermediates; all are included */
    public ReceiptSigner(PrivateKey key, List<X509Certificate> chain, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.chain = List.copyOf(chain);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (this.chain.isEmpty() || !KeyPairCheck.matches(key, this.chain.get(0))) {
            throw new IllegalArgumentException("key does not belong to the first certificate of the chain");
        }
    }

    /** @return the CMS SignedData in DER, sent as {@code application/pkcs7-mime} */
    public byte[] sign(ReceiptContent content) {
        return signBytes(Objects.requireNonNull(content, "content").toJson());
    }

    byte[] signBytes(byte[] content) {
        String provider = BouncyCastle.provider();
        try {
            String algorithm = PrivateKeys.signatureAlgorithm(key);
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(clock.instant())))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(provider).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(PrivateKeys.provider(key)).build(key), chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("signing the receipt failed", e);
        }
    }
}
