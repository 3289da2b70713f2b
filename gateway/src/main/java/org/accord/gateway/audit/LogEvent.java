package org.accord.gateway.audit;

/** The steps the transfer log records. */
public enum LogEvent {
    RECEIVED, REFUSED, SEALED, QUEUED, MADE_AVAILABLE, DOWNLOADED, ACKNOWLEDGED, DELIVERY_ATTEMPT_FAILED, DELIVERED,
    DELIVERY_FAILED, RESEND_REQUESTED, AUDIT_READ,
    /** A recipient's acknowledgement was refused because its signed receipt failed verification. */
    RECEIPT_REFUSED
}
