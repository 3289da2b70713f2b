package org.accord.gateway.notify;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Duty notifications of urgent transfers: per partner organisation ({@code accord.urgent.partners.<partner>}), the
 * webhook its duty officer is alerted on, configured as a unit webhook is ({@code url}, {@code hmac-secret},
 * {@code tls-bundle}). A partner not listed gets its urgent transfers ahead of routine ones, with no alert.
 */
@ConfigurationProperties("accord.urgent")
public record UrgentProperties(Map<String, WebhookProperties.Unit> partners) {

    public UrgentProperties {
        partners = partners == null ? Map.of() : Map.copyOf(partners);
    }
}
