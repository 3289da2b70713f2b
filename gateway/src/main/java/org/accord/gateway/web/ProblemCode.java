package org.accord.gateway.web;

import org.springframework.http.HttpStatus;

/**
 * Stable error codes returned in the {@code code} member of every problem response.
 * Callers may rely on these names; the human-readable title may change.
 */
public enum ProblemCode {
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    INSUFFICIENT_SCOPE(HttpStatus.FORBIDDEN, "The token does not carry the scope this operation needs"),
    UNKNOWN_CLIENT(HttpStatus.FORBIDDEN, "The client is not registered as acting for any organisation"),
    CLIENT_CERTIFICATE_REFUSED(HttpStatus.FORBIDDEN, "The TLS client certificate is not accepted"),
    REFUSED_BY_AGREEMENT(HttpStatus.FORBIDDEN, "No information-sharing agreement permits this transfer"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "The request body is not well-formed JSON"),
    INVALID_SUBMISSION(HttpStatus.UNPROCESSABLE_CONTENT, "The submission envelope is invalid"),
    SCHEMA_VIOLATION(HttpStatus.UNPROCESSABLE_CONTENT, "The record does not conform to its schema"),
    FREE_TEXT_TOO_LONG(HttpStatus.UNPROCESSABLE_CONTENT, "A free-text field is too long to be scrubbed"),
    UNKNOWN_RECORD_TYPE(HttpStatus.UNPROCESSABLE_CONTENT, "The record type or schema version is not known"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "The Idempotency-Key was already used for a different request"),
    INVALID_IDEMPOTENCY_KEY(HttpStatus.BAD_REQUEST, "The Idempotency-Key header is not acceptable"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "The request body exceeds the size limit"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The content type is not supported"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "The requested representation is not available"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "No such resource"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "A request parameter is invalid"),
    RECEIPT_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "The signed receipt was not accepted"),
    PURGED(HttpStatus.GONE, "The sealed message was deleted under the retention rules"),
    CONFLICT(HttpStatus.CONFLICT, "The resource is not in a state that allows this operation"),
    IN_REPLY_TO_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "The record cannot answer the transfer it names"),
    INBOUND_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "The sealed message could not be accepted"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this client; retry after the time given"),
    LOCKED_OUT(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins or client authentications; retry after the time given"),
    RECIPIENT_BACKLOG(HttpStatus.SERVICE_UNAVAILABLE, "The recipient has too many transfers waiting"),
    USE_AGREEMENT(HttpStatus.CONFLICT, "An agreement flow covers this record and purpose: submit it the routine way"),
    NO_EMERGENCY_PROFILE(HttpStatus.FORBIDDEN, "The recipient cannot receive emergency disclosures"),
    NOT_IN_EMERGENCY_PROFILE(HttpStatus.FORBIDDEN, "The recipient's emergency profile does not name this record type"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "The gateway could not complete the request");

    private final HttpStatus status;
    private final String title;

    ProblemCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
