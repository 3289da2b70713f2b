package org.accord.gateway.delivery;

/**
 * The outcome of one push (or one HTTPS POST, {@link HttpsPost}).
 *
 * @param code a stable code for the log: {@code HTTP_200}, {@code HTTP_503}, {@code TIMEOUT}, {@code TLS_FAILURE},
 *        {@code PARTNER_CIRCUIT_OPEN}, ...
 */
public record PushResult(Kind kind, String code) {

    static final PushResult CIRCUIT_OPEN = new PushResult(Kind.HELD, "PARTNER_CIRCUIT_OPEN");

    public enum Kind {
        /** The partner took it (2xx), or already had it (409). */
        DELIVERED,
        /** Worth trying again: 5xx, 429, timeouts, connection and TLS failures. */
        RETRYABLE,
        /** Trying again will not help: other 4xx, a missing endpoint. */
        PERMANENT,
        /** Not tried: the partner's circuit is open. Does not count as one of the transfer's attempts. */
        HELD
    }
}
