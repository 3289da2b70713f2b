package org.accord.gateway.partner;

import java.nio.file.Path;
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
     */
    public record Partner(String name, Path encryptionCertificate) {
    }
}
