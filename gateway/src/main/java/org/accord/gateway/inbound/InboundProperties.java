package org.accord.gateway.inbound;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param queue the JMS queue partners put sealed messages on
 * @param deadLetterQueue where the broker moves a queued message that could not be processed after
 *        {@code maxAttempts}
 * @param maxAttempts processing attempts of a queued message before it is dead-lettered
 * @param retryDelay the broker's delay before offering a failed message again (doubling up to {@code maxRetryDelay})
 * @param maxRetryDelay the longest delay between attempts
 * @param tls the HTTPS listener for partners, which asks for TLS client certificates
 * @param jms where the inbound queue is: empty for this gateway's own broker, or a partner's or regional hub's broker
 */
@Validated
@ConfigurationProperties("accord.inbound")
public record InboundProperties(@NotBlank String queue, @NotBlank String deadLetterQueue, @Min(1) int maxAttempts,
        @NotNull Duration retryDelay, @NotNull Duration maxRetryDelay, Tls tls, Jms jms) {

    public InboundProperties {
        tls = tls == null ? new Tls(false, 8443, null) : tls;
        jms = jms == null ? new Jms(null, null, null) : jms;
    }

    /**
     * @param enabled whether the listener runs (by default in demo mode only)
     * @param port its port; 0 for any free port
     * @param bundle a {@code spring.ssl.bundle.*} with the server's key and certificate; in demo mode, when
     *        absent, the demo PKI's TLS server certificate
     */
    public record Tls(boolean enabled, int port, String bundle) {
    }

    /**
     * @param brokerUrl a partner's or regional hub's Artemis broker, e.g. {@code tcp://hub:61617?sslEnabled=true};
     *        empty for this gateway's own broker
     * @param user the gateway's user there
     * @param password its password
     */
    public record Jms(String brokerUrl, String user, String password) {

        @Override
        public String toString() {
            return "Jms[brokerUrl=" + brokerUrl + ", user=" + user + ", password=(hidden)]";
        }
    }
}
