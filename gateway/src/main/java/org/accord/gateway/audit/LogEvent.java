package org.accord.gateway.audit;

/** The steps the transfer log records. */
public enum LogEvent {
    RECEIVED, REFUSED, SEALED, QUEUED, MADE_AVAILABLE, DOWNLOADED, ACKNOWLEDGED, DELIVERY_ATTEMPT_FAILED, DELIVERED,
    DELIVERY_FAILED, RESEND_REQUESTED, AUDIT_READ,
    /** A recipient's acknowledgement was refused because its signed receipt failed verification. */
    RECEIPT_REFUSED,
    /** The receiving unit's system was told the transfer is in its inbox (webhook). */
    NOTIFIED,
    /** One attempt to tell the receiving unit's system failed; it will be tried again. */
    NOTIFY_ATTEMPT_FAILED,
    /** Telling the receiving unit's system was given up after the configured attempts. */
    NOTIFY_FAILED,
    /** This gateway signed a receipt for a message a partner pushed to it (its digest in receipt_sha256). */
    RECEIPT_ISSUED,
    /** A partner pushed a message again whose transfer id was already received; dropped, answered with the original receipt. */
    REPEAT_DROPPED,
    /** Retention deleted held data: a transfer's sealed copy, or (with a count) subject references or idempotency keys. */
    PURGED,
    /** A mailbox or inbox message was not acknowledged within its collection period; its sealed copy was deleted. */
    EXPIRED,
    /** The sender was warned that a message will expire uncollected ({@code accord.retention.uncollected-warning}). */
    EXPIRY_WARNED,
    /** The log's oldest segment was written to a signed archive and removed from the live log (counts and digests). */
    LOG_ARCHIVED,
    /**
     * A record was disclosed in an emergency outside any agreement flow (docs/emergency.md): the basis and the
     * authorising officer in the detail, the fields in the fields columns.
     */
    EMERGENCY_DISCLOSURE,
    /** The DPO recorded the review of an emergency disclosure: JUSTIFIED or NOT_JUSTIFIED in the code. */
    EMERGENCY_REVIEWED
}
