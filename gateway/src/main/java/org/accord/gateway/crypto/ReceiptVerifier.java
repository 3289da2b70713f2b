package org.accord.gateway.crypto;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a partner's signed receipt for one sealed message. Checks run in a fixed order and the first
 * failure decides the {@link ReceiptRejection}: structure, signature, issued by a trust anchor, signer
 * valid now, signer is one of the partner's signature certificates, content is receipt JSON, transfer id,
 * sealed-message digest. Thread-safe.
 */
public final class ReceiptVerifier {

    private final Clock clock;

    public ReceiptVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param der                the CMS SignedData as received
     * @param transferId         the transfer the receipt must name
     * @param sealedSha256       the digest of the sealed message the receipt must name
     * @param trustAnchors       CA certificates that may issue partner certificates
     * @param partnerSignerCerts the certificates the partner directory holds for this partner's signatures
     * @throws ReceiptRejectedException if any check fails
     */
    public VerifiedReceipt verify(byte[] der, String transferId, String sealedSha256,
            Collection<X509Certificate> trustAnchors, Collection<X509Certificate> partnerSignerCerts) {
        Objects.requireNonNull(der, "der");
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(sealedSha256, "sealedSha256");
        OpenedMessage signed;
        try {
            signed = SignedContent.parse(der).verify(List.copyOf(trustAnchors), clock.instant(), false);
        } catch (MessageRejectedException e) {
            throw new ReceiptRejectedException(reasonFor(e.code()), e);
        }
        if (partnerSignerCerts.stream().noneMatch(signed.signer()::equals)) {
            throw new ReceiptRejectedException(ReceiptRejection.SIGNER_NOT_PARTNER, null);
        }
        ReceiptContent content;
        try {
            content = ReceiptContent.parse(signed.content());
        } catch (IllegalArgumentException e) {
            throw new ReceiptRejectedException(ReceiptRejection.CONTENT_INVALID, e);
        }
        if (!content.transferId().equals(transferId)) {
            throw new ReceiptRejectedException(ReceiptRejection.TRANSFER_MISMATCH, null);
        }
        if (!content.sealedSha256().equalsIgnoreCase(sealedSha256)) {
            throw new ReceiptRejectedException(ReceiptRejection.DIGEST_MISMATCH, null);
        }
        return new VerifiedReceipt(der, Fingerprints.sha256Hex(der), content, signed.signer(),
                Fingerprints.sha256Hex(signed.signer()), signed.signingTime());
    }

    private static ReceiptRejection reasonFor(RejectionCode code) {
        return switch (code) {
            case SIGNATURE_INVALID -> ReceiptRejection.SIGNATURE_INVALID;
            case SIGNER_UNTRUSTED -> ReceiptRejection.SIGNER_UNTRUSTED;
            case SIGNER_CERTIFICATE_EXPIRED -> ReceiptRejection.SIGNER_CERTIFICATE_EXPIRED;
            default -> ReceiptRejection.MALFORMED;
        };
    }
}
