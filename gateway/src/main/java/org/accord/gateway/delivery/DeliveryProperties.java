package org.accord.gateway.delivery;

import java.time.Duration;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param queue the durable JMS queue sealed transfers wait on for delivery
 * @param relayAfter how long a committed transfer may stay un-queued before the relay queues it again
 * @param handoverWait how long a submit waits for its hand-over to the queue, and the relay for a sweep's sends,
 *        before going on without them ({@link BoundedSends})
 * @param maxAttempts delivery attempts before a pushed transfer is marked failed, unless its partner has its own
 *        ({@code limits})
 * @param giveUpAfter how long after it was stored (or last resent) a pushed transfer may stay undelivered: its
 *        next attempt after that, or its next push held by an open circuit, marks it failed, unless its partner
 *        has its own ({@code limits})
 * @param retryDelay the first retry's delay; each later one is {@code backoffMultiplier} times longer
 * @param maxRetryDelay the longest delay between attempts
 * @param jitter the fraction by which each delay is varied at random, so retries do not arrive in step
 * @param httpTimeout connect and response timeout of an HTTPS push
 * @param consumers how many deliveries run at once, so a slow partner does not hold up the others
 * @param circuit when a partner's circuit breaker opens and how long it stays open
 * @param https per recipient organisation: the TLS bundle its endpoint is called with
 * @param jms per recipient organisation: the broker its queue is on and the credentials for it
 * @param limits per recipient organisation: the attempts and time agreed with it, in place of the global
 *        {@code maxAttempts} and {@code giveUpAfter}; a partner not listed, or a limit left out, takes the global
 *        one. The retry delays stay global: they are the broker's redelivery settings for the one delivery queue
 *        ({@link BrokerRedelivery}), which cannot differ per message.
 */
@Validated
@ConfigurationProperties("accord.delivery")
public record DeliveryProperties(@NotBlank String queue, @NotNull Duration relayAfter,
        @NotNull @DurationMin(millis = 1) Duration handoverWait, @Min(1) int maxAttempts,
        @NotNull @DurationMin(seconds = 1) Duration giveUpAfter, @NotNull Duration retryDelay, @NotNull Duration maxRetryDelay,
        double backoffMultiplier, double jitter, @NotNull Duration httpTimeout, @Min(1) int consumers, @Valid Circuit circuit,
        Map<String, HttpsEndpoint> https, Map<String, JmsEndpoint> jms, Map<String, @Valid Limits> limits) {

    public DeliveryProperties {
        circuit = circuit == null ? new Circuit(5, Duration.ofSeconds(30)) : circuit;
        https = https == null ? Map.of() : Map.copyOf(https);
        jms = jms == null ? Map.of() : Map.copyOf(jms);
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    /** The limits that apply to pushes to {@code partner}: its own where it has them, else the global ones; both set. */
    public Limits limitsFor(String partner) {
        Limits agreed = limits.getOrDefault(partner, new Limits(null, null));
        return new Limits(agreed.maxAttempts() != null ? agreed.maxAttempts() : maxAttempts,
                agreed.giveUpAfter() != null ? agreed.giveUpAfter() : giveUpAfter);
    }

    /**
     * The circuit breaker kept per partner.
     *
     * @param failureThreshold consecutive failed pushes (connection refused, timeout, 5xx, ...) that open it
     * @param openFor how long it stays open (pushes fail at once, without a network call) before one trial push
     */
    public record Circuit(@Min(1) int failureThreshold, @NotNull Duration openFor) {
    }

    /**
     * Delivery limits agreed with one partner. Either may be left out, and the global one applies.
     *
     * @param maxAttempts delivery attempts before a transfer to the partner is marked failed
     * @param giveUpAfter how long after it was stored (or last resent) a transfer to the partner may stay undelivered
     */
    public record Limits(@Min(1) Integer maxAttempts, @DurationMin(seconds = 1) Duration giveUpAfter) {
    }

    /**
     * @param brokerUrl the partner's (or regional hub's) Artemis broker, e.g. {@code tcp://hub:61617?sslEnabled=true}
     * @param user the gateway's user on that broker
     * @param password its password
     */
    public record JmsEndpoint(String brokerUrl, String user, String password) {

        @Override
        public String toString() {
            return "JmsEndpoint[brokerUrl=" + brokerUrl + ", user=" + user + ", password=(hidden)]";
        }
    }

    /**
     * @param tlsBundle the name of a {@code spring.ssl.bundle.*} holding the client certificate and the trust store
     * @param oauth2Registration where the partner asks for it, the {@code spring.security.oauth2.client.registration.*}
     *        (client credentials) whose token is sent as a bearer token with each push
     */
    public record HttpsEndpoint(String tlsBundle, String oauth2Registration) {
    }
}
