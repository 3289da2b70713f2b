package org.accord.gateway.crypto;

import java.util.Objects;

/**
 * Thrown when a signed receipt must not be accepted. The message carries the reason and nothing more;
 * the cause, when there is one, is for DEBUG logs only.
 */
public final class ReceiptRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ReceiptRejection reason;

    ReceiptRejectedException(ReceiptRejection reason, Throwable cause) {
        super("receipt rejected: " + Objects.requireNonNull(reason, "reason"), cause);
        this.reason = reason;
    }

    public ReceiptRejection reason() {
        return reason;
    }
}
