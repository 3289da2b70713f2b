package org.accord.gateway.notify;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxAttempts attempts before a notification is given up (logged {@code NOTIFY_FAILED})
 * @param retryDelay the first retry's delay; each later one is twice as long, varied by a fifth at random
 * @param maxRetryDelay the longest delay between attempts
 * @param pollEvery how often due notifications are looked for
 * @param senders how many notifications are sent at once
 * @param apiBaseUrl the gateway's address as the university's systems reach it, for the link in a notification
 * @param units per unit id ({@code uni-northbridge/safeguarding-lead}; in YAML {@code "[uni-northbridge/safeguarding-lead]"}):
 *        where and how to notify it; a unit not listed is not notified
 */
@Validated
@ConfigurationProperties("accord.webhooks")
public record WebhookProperties(@Min(1) int maxAttempts, @NotNull Duration retryDelay, @NotNull Duration maxRetryDelay,
        @NotNull Duration pollEvery, @Min(1) int senders, @NotBlank String apiBaseUrl, Map<String, Unit> units) {

    public WebhookProperties {
        units = units == null ? Map.of() : Map.copyOf(units);
    }

    /**
     * @param url the receiver, {@code https://} only
     * @param tlsBundle a {@code spring.ssl.bundle.*} with the receiver's trust store and, for mutual TLS, the
     *        gateway's client certificate; none: the JDK's trusted CAs and no client certificate
     * @param hmacSecret the shared secret the {@code Accord-Signature} header is made with (at least 32 characters);
     *        may be left out only when the bundle authenticates the gateway by mutual TLS
     */
    public record Unit(String url, String tlsBundle, String hmacSecret) {

        @Override
        public String toString() {
            return "Unit[url=" + url + ", tlsBundle=" + tlsBundle + ", hmacSecret=" + (hmacSecret == null ? "none" : "(hidden)") + "]";
        }
    }
}
