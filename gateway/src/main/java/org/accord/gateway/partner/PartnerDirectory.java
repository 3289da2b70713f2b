package org.accord.gateway.partner;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.accord.gateway.crypto.CertificatePaths;
import org.accord.gateway.crypto.Fingerprints;

/**
 * The partners this gateway deals with: the certificate each receives messages under, the certificates
 * whose signatures count as its own, its TLS client identity and endpoint; and the trust anchors that
 * issue partner certificates. Lookup is exact: an unknown organisation has nothing, and a certificate
 * outside its validity period is reported as such so the caller can refuse.
 */
public final class PartnerDirectory {

    private final Map<String, PartnerEntry> partners;
    private final List<X509Certificate> trustAnchors;

    public PartnerDirectory(Collection<PartnerEntry> partners, List<X509Certificate> trustAnchors) {
        Map<String, PartnerEntry> byId = new LinkedHashMap<>();
        partners.forEach(p -> byId.put(p.id(), p));
        this.partners = java.util.Collections.unmodifiableMap(byId);
        this.trustAnchors = List.copyOf(trustAnchors);
    }

    /** A directory of encryption certificates only: each partner signs with its encryption certificate. */
    public PartnerDirectory(Map<String, X509Certificate> encryptionCertificates) {
        this(encryptionCertificates.entrySet().stream()
                .map(e -> new PartnerEntry(e.getKey(), null, e.getValue(), List.of(e.getValue()), null, null)).toList(),
                List.of());
    }

    public Optional<X509Certificate> encryptionCertificate(String organisation) {
        return partner(organisation).map(PartnerEntry::encryptionCertificate);
    }

    /** The certificates whose signatures count as {@code organisation}'s; empty for an unknown organisation. */
    public List<X509Certificate> signatureCertificates(String organisation) {
        return partner(organisation).map(PartnerEntry::signatureCertificates).orElse(List.of());
    }

    /** The partner whose signature certificates include {@code signer}, if any. */
    public Optional<PartnerEntry> signedBy(X509Certificate signer) {
        return partners.values().stream().filter(p -> p.signatureCertificates().contains(signer)).findFirst();
    }

    /**
     * Identifies the partner presenting a TLS client certificate: the chain (the client certificate first)
     * must lead to one of the trust anchors at {@code now}, and the certificate's SHA-256 must be the
     * {@code tls-client-fingerprint} of exactly one partner.
     */
    public TlsClientIdentity tlsClient(List<X509Certificate> chain, Instant now) {
        if (chain.isEmpty()) {
            return new TlsClientIdentity.Refused(TlsClientIdentity.UNTRUSTED);
        }
        switch (CertificatePaths.check(chain, trustAnchors, now)) {
            case UNTRUSTED -> {
                return new TlsClientIdentity.Refused(TlsClientIdentity.UNTRUSTED);
            }
            case EXPIRED -> {
                return new TlsClientIdentity.Refused(TlsClientIdentity.EXPIRED);
            }
            case TRUSTED -> {
            }
        }
        String fingerprint = Fingerprints.sha256Hex(chain.get(0));
        List<PartnerEntry> presenting = partners.values().stream().filter(p -> fingerprint.equals(p.tlsClientFingerprint())).toList();
        return presenting.size() == 1 ? new TlsClientIdentity.Partner(presenting.get(0).id())
                : new TlsClientIdentity.Refused(TlsClientIdentity.UNKNOWN);
    }

    public Optional<PartnerEntry> partner(String organisation) {
        return Optional.ofNullable(organisation == null ? null : partners.get(organisation));
    }

    /** CA certificates that issue partner certificates. */
    public List<X509Certificate> trustAnchors() {
        return trustAnchors;
    }

    public static boolean validAt(X509Certificate certificate, Instant at) {
        return !at.isBefore(certificate.getNotBefore().toInstant()) && !at.isAfter(certificate.getNotAfter().toInstant());
    }

    public Collection<PartnerEntry> entries() {
        return partners.values();
    }

    /** Organisation id to encryption certificate. */
    public Map<String, X509Certificate> all() {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        partners.forEach((id, p) -> certificates.put(id, p.encryptionCertificate()));
        return certificates;
    }
}
