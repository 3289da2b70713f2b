package org.accord.gateway.delivery;

/**
 * The outcome of one HTTPS push.
 *
 * @param code a stable code for the log: {@code HTTP_200}, {@code HTTP_503}, {@code TIMEOUT}, {@code TLS_FAILURE}, ...
 */
record PushResult(Kind kind, String code) {

    enum Kind {
        /** The partner took it (2xx), or already had it (409). */
        DELIVERED,
        /** Worth trying again: 5xx, 429, timeouts, connection and TLS failures. */
        RETRYABLE,
        /** Trying again will not help: other 4xx, a missing endpoint. */
        PERMANENT
    }
}
