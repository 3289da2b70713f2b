package org.accord.gateway.agreement;

/** Why a transfer was refused. Stable: callers, logs and reports depend on these names. */
public enum DenialCode {
    /** No agreement names the sender or the recipient as a party. */
    NO_AGREEMENT,
    /** The sender is not a known organisation or unit. */
    UNKNOWN_SENDER,
    /** The recipient is not a known organisation or unit. */
    UNKNOWN_RECIPIENT,
    /** Agreements name the recipient, but none with the sender as a party. */
    SENDER_NOT_PARTY,
    /** Agreements name the sender, but none with the recipient as a party. */
    RECIPIENT_NOT_PARTY,
    /** The covering agreement is still a draft. */
    AGREEMENT_DRAFT,
    AGREEMENT_NOT_YET_EFFECTIVE,
    AGREEMENT_EXPIRED,
    AGREEMENT_SUSPENDED,
    AGREEMENT_TERMINATED,
    /** Agreements between these parties have no flow from this sender to this recipient for this record type. */
    RECORD_TYPE_NOT_COVERED,
    SCHEMA_VERSION_NOT_COVERED,
    PURPOSE_NOT_COVERED,
    DIRECTION_NOT_COVERED,
    /** The flow exists but the record does not meet its conditions. */
    CONDITION_FAILED,
    /** More than one agreement in force covers the transfer. */
    AMBIGUOUS_AGREEMENT
}
