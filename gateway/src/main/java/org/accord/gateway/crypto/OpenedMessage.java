package org.accord.gateway.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The verified content of a sealed message.
 *
 * @param content     the signed content bytes
 * @param signer      the certificate whose key made the signature, chained to a trust anchor
 * @param signingTime the signing time claimed in the signed attributes
 * @param transferId  Accord's transfer id from the signed attributes; {@code null} only when the
 *                    sender gave none and the caller opened with
 *                    {@link OpenOptions#fromStandardCmsTools()}
 */
public record OpenedMessage(byte[] content, X509Certificate signer, Instant signingTime, String transferId) {

    public OpenedMessage {
        content = content.clone();
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signingTime, "signingTime");
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenedMessage that
                && Arrays.equals(content, that.content)
                && signer.equals(that.signer)
                && signingTime.equals(that.signingTime)
                && Objects.equals(transferId, that.transferId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(content), signer, signingTime, transferId);
    }

    @Override
    public String toString() {
        return "OpenedMessage[transferId=" + transferId + ", signingTime=" + signingTime
                + ", signer=" + signer.getSubjectX500Principal().getName() + ", bytes=" + content.length + "]";
    }
}
