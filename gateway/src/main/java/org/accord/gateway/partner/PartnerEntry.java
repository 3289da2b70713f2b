package org.accord.gateway.partner;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * One partner as the directory holds it.
 *
 * @param id                    the organisation id
 * @param name                  display name, may be null
 * @param encryptionCertificate the certificate messages to the partner are encrypted for
 * @param signatureCertificates the certificates whose signatures count as the partner's
 * @param tlsClientFingerprint  lower-case hex SHA-256 of the partner's TLS client certificate, or null
 * @param endpoint              the partner's push endpoint, or null for mailbox-only partners
 */
public record PartnerEntry(String id, String name, X509Certificate encryptionCertificate,
        List<X509Certificate> signatureCertificates, String tlsClientFingerprint, URI endpoint) {

    public PartnerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(encryptionCertificate, "encryptionCertificate");
        signatureCertificates = List.copyOf(signatureCertificates);
        tlsClientFingerprint = tlsClientFingerprint == null ? null
                : tlsClientFingerprint.replace(":", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "PartnerEntry[" + id + ", signatureCertificates=" + signatureCertificates.size() + ", endpoint=" + endpoint + "]";
    }
}
