package org.accord.gateway.partner;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The partner directory as configured: organisation id to its settings. An organisation not listed here
 * cannot receive anything from this gateway (default deny).
 */
@ConfigurationProperties("accord")
public record PartnerProperties(Map<String, Partner> partners) {

    public PartnerProperties {
        partners = partners == null ? Map.of() : Map.copyOf(partners);
    }

    /**
     * @param name the organisation's name, for logs and the console
     * @param encryptionCertificate PEM certificate messages to this partner are encrypted for; in demo mode,
     *        when absent, the demo PKI's certificate for the partner
     * @param signatureCertificates PEM certificates whose signatures (receipts, inbound messages) are accepted as
     *        this partner's; more than one during a rotation. In demo mode, when absent, the demo certificate
     * @param tlsClientFingerprint SHA-256 (hex, colons allowed) of the certificate the partner presents as a TLS
     *        client, for mutual-TLS channels
     * @param endpoint the partner's HTTPS endpoint, for push delivery
     */
    public record Partner(String name, Path encryptionCertificate, List<Path> signatureCertificates,
            String tlsClientFingerprint, URI endpoint) {

        public Partner {
            signatureCertificates = signatureCertificates == null ? List.of() : List.copyOf(signatureCertificates);
        }
    }
}
