package org.accord.gateway.partner;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The certificates partners receive messages under. Lookup is exact: an unknown organisation has no
 * certificate, and a certificate outside its validity period is reported as such so the caller can refuse.
 */
public final class PartnerDirectory {

    private final Map<String, X509Certificate> encryptionCertificates;

    public PartnerDirectory(Map<String, X509Certificate> encryptionCertificates) {
        this.encryptionCertificates = Map.copyOf(encryptionCertificates);
    }

    public Optional<X509Certificate> encryptionCertificate(String organisation) {
        return Optional.ofNullable(encryptionCertificates.get(organisation));
    }

    public static boolean validAt(X509Certificate certificate, Instant at) {
        return !at.isBefore(certificate.getNotBefore().toInstant()) && !at.isAfter(certificate.getNotAfter().toInstant());
    }

    public Map<String, X509Certificate> all() {
        return encryptionCertificates;
    }
}
