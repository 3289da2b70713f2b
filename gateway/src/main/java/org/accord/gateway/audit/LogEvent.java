package org.accord.gateway.audit;

/** The steps the transfer log records. */
public enum LogEvent {
    RECEIVED, REFUSED, SEALED, QUEUED, MADE_AVAILABLE, DOWNLOADED, ACKNOWLEDGED, DELIVERY_FAILED, AUDIT_READ,
    /** A recipient's acknowledgement was refused because its signed receipt failed verification. */
    RECEIPT_REFUSED
}
