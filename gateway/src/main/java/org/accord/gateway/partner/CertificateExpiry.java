package org.accord.gateway.partner;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import org.accord.gateway.crypto.Fingerprints;

/**
 * A certificate that has expired or will within the warning period.
 *
 * @param owner     the partner id, or {@code gateway} for this gateway's own signing certificate
 * @param use       {@code encryption}, {@code signature} or {@code gateway-signing}
 * @param sha256    lower-case hex SHA-256 of the certificate
 * @param notAfter  end of validity
 * @param daysLeft  whole days from now to {@code notAfter}; negative once expired
 * @param status    {@code EXPIRES_SOON} or {@code EXPIRED}
 */
public record CertificateExpiry(String owner, String use, String sha256, Instant notAfter, long daysLeft, String status) {

    static CertificateExpiry of(String owner, String use, X509Certificate certificate, Instant now) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        boolean expired = now.isAfter(notAfter);
        long days = Duration.between(now, notAfter).toDays();
        return new CertificateExpiry(owner, use, Fingerprints.sha256Hex(certificate), notAfter, days,
                expired ? "EXPIRED" : "EXPIRES_SOON");
    }
}
