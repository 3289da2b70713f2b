package org.accord.gateway.crypto;

import java.util.Objects;

/**
 * Thrown when a sealed message cannot be opened or must not be trusted. The message carries the
 * code and nothing more; the cause, when there is one, is for DEBUG logs only.
 */
public final class MessageRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RejectionCode code;

    MessageRejectedException(RejectionCode code) {
        this(code, null);
    }

    MessageRejectedException(RejectionCode code, Throwable cause) {
        super("message rejected: " + Objects.requireNonNull(code, "code"), cause);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }
}
