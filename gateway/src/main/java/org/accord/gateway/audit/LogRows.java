package org.accord.gateway.audit;

import java.sql.Types;

import org.accord.gateway.storage.InsertInto;
import org.accord.gateway.storage.PendingInserts;
import org.springframework.stereotype.Component;

/**
 * Inserts a transaction's log entries, in the order appended, on the transaction's own connection, and notes each as
 * awaiting integration in {@code transfer_log_pending} (the {@link LogIntegrator} gives it its place in the chain).
 * They go with the transaction's other rows ({@link PendingInserts}): a group commit appends hundreds of entries, and
 * their inserts cost no round trip of their own.
 */
@Component
class LogRows {

    static final InsertInto ENTRY = InsertInto.table("transfer_log",
            "entry_id", Types.VARCHAR, "recorded_at", Types.TIMESTAMP_WITH_TIMEZONE, "transfer_id", Types.VARCHAR,
            "event", Types.VARCHAR, "outcome", Types.VARCHAR, "code", Types.VARCHAR, "actor", Types.VARCHAR,
            "sender", Types.VARCHAR, "recipient", Types.VARCHAR, "record_type", Types.VARCHAR, "schema_version", Types.INTEGER,
            "purpose", Types.VARCHAR, "agreement_id", Types.VARCHAR, "agreement_version", Types.INTEGER,
            "agreement_sha256", Types.VARCHAR, "fields_shared", Types.VARCHAR, "fields_transformed", Types.VARCHAR,
            "fields_withheld", Types.VARCHAR, "sealed_sha256", Types.VARCHAR, "detail", Types.VARCHAR,
            "signer_sha256", Types.VARCHAR, "receipt_sha256", Types.VARCHAR);

    static final InsertInto AWAITING_INTEGRATION = InsertInto.table("transfer_log_pending",
            "entry_id", Types.VARCHAR, "recorded_at", Types.TIMESTAMP_WITH_TIMEZONE);

    private final PendingInserts inserts;

    LogRows(PendingInserts inserts) {
        this.inserts = inserts;
    }

    /** Adds the entry to the transaction's rows, written just before it commits or at {@link #flush}. */
    void insert(TransferLogEntry entry) {
        ChainedEntry e = entry.unintegrated();
        inserts.add(ENTRY, e.entryId(), e.recordedAt(), e.transferId(), e.event(), e.outcome(), e.code(), e.actor(),
                e.sender(), e.recipient(), e.recordType(), e.schemaVersion(), e.purpose(), e.agreementId(),
                e.agreementVersion(), e.agreementSha256(), e.fieldsShared(), e.fieldsTransformed(), e.fieldsWithheld(),
                e.sealedSha256(), e.detail(), e.signerSha256(), e.receiptSha256());
        inserts.add(AWAITING_INTEGRATION, e.entryId(), e.recordedAt());
    }

    /** Writes the transaction's rows now, before its own reads of the log. */
    void flush() {
        inserts.flush();
    }
}
