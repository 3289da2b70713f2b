package org.accord.gateway.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sealed Accord message.
 *
 * @param der                     the CMS ContentInfo (AuthEnvelopedData) in DER, sent as
 *                                {@code application/pkcs7-mime}
 * @param sha256Hex               lower-case hex SHA-256 of {@code der}, for the transfer log
 * @param signerCertificateSha256 lower-case hex SHA-256 of the signer certificate's DER
 */
public record SealedMessage(byte[] der, String sha256Hex, String signerCertificateSha256) {

    public SealedMessage {
        der = der.clone();
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        Objects.requireNonNull(signerCertificateSha256, "signerCertificateSha256");
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedMessage that
                && Arrays.equals(der, that.der)
                && sha256Hex.equals(that.sha256Hex)
                && signerCertificateSha256.equals(that.signerCertificateSha256);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "SealedMessage[sha256=" + sha256Hex + ", bytes=" + der.length + "]";
    }
}
