package org.accord.gateway.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Opens a message made by {@link CmsSealer} (or, with {@link OpenOptions#fromStandardCmsTools()},
 * by another CMS tool): decrypts it with the recipient's key, verifies the inner SignedData, checks
 * that the signer certificate was issued by one of the trust anchors and is valid at the clock's
 * time, and extracts signing time and transfer id.
 *
 * <p>Every refusal is a {@link MessageRejectedException} with a {@link RejectionCode}; nothing is
 * returned unless every check passed. Checks run in a fixed order: structure, recipient,
 * decryption, signature, trust, validity, transfer id. Thread-safe.
 */
public final class CmsOpener {

    /** Opens with {@link OpenOptions#strict()}. */
    public OpenedMessage open(byte[] der, PrivateKey recipientKey, X509Certificate recipientCert,
            Collection<X509Certificate> trustAnchors, Clock clock) {
        return open(der, recipientKey, recipientCert, trustAnchors, clock, OpenOptions.strict());
    }

    /**
     * @param der           the CMS ContentInfo as received
     * @param recipientKey  this gateway's decryption key
     * @param recipientCert the certificate of {@code recipientKey}, used to find its recipient info
     * @param trustAnchors  CA certificates that may issue signer certificates
     * @param clock         the time at which the signer certificate must be valid
     * @param options       what to demand beyond signature, trust and validity
     * @throws MessageRejectedException if any check fails
     */
    public OpenedMessage open(byte[] der, PrivateKey recipientKey, X509Certificate recipientCert,
            Collection<X509Certificate> trustAnchors, Clock clock, OpenOptions options) {
        Objects.requireNonNull(der, "der");
        Objects.requireNonNull(recipientKey, "recipientKey");
        Objects.requireNonNull(recipientCert, "recipientCert");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(options, "options");
        List<X509Certificate> anchors = List.copyOf(trustAnchors);
        byte[] signedData = Envelope.parse(der, options.acceptEnvelopedData()).decrypt(recipientKey, recipientCert);
        return SignedContent.parse(signedData).verify(anchors, clock.instant(), options.requireTransferId());
    }
}
