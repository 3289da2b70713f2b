package org.accord.gateway.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed receipt that passed every check of {@link ReceiptVerifier}.
 *
 * @param der           the CMS SignedData exactly as received, to keep as evidence
 * @param sha256Hex     lower-case hex SHA-256 of {@code der}
 * @param content       what the receipt states
 * @param signer        the partner certificate that signed it
 * @param signerSha256  lower-case hex SHA-256 of the signer certificate's DER
 * @param signingTime   the signing time in the signed attributes
 */
public record VerifiedReceipt(byte[] der, String sha256Hex, ReceiptContent content, X509Certificate signer,
        String signerSha256, Instant signingTime) {

    public VerifiedReceipt {
        der = der.clone();
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signerSha256, "signerSha256");
        Objects.requireNonNull(signingTime, "signingTime");
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    /** The signer's subject name in RFC 2253 form. */
    public String signerSubject() {
        return CertificateIssuer.subject(signer);
    }

    @Override
    public String toString() {
        return "VerifiedReceipt[transferId=" + content.transferId() + ", sha256=" + sha256Hex + ", signer=" + signerSha256 + "]";
    }
}
