package org.accord.gateway.transfer;

import java.sql.Types;

import org.accord.gateway.storage.InsertInto;
import org.accord.gateway.storage.PendingInserts;
import org.springframework.stereotype.Component;

/**
 * Inserts a new transfer and its sealed message with the transaction's other rows ({@link PendingInserts}), rather
 * than through the persistence context: a submit's rows then cost its group commit no round trips of their own. Every
 * column the entity maps is written, as the persistence context would write it (TransferInsertsTests compares the two).
 * The transfer is not managed afterwards: the transaction reads it back, if it must, only after {@link PendingInserts#flush}.
 */
@Component
public class TransferInserts {

    static final InsertInto TRANSFER = InsertInto.table("transfer",
            "id", Types.VARCHAR, "sender", Types.VARCHAR, "recipient", Types.VARCHAR, "record_type", Types.VARCHAR,
            "schema_version", Types.INTEGER, "purpose", Types.VARCHAR, "direction", Types.VARCHAR,
            "agreement_id", Types.VARCHAR, "agreement_version", Types.INTEGER, "agreement_sha256", Types.VARCHAR,
            "channel", Types.VARCHAR, "channel_address", Types.VARCHAR, "delivery_attempts", Types.INTEGER,
            "status", Types.VARCHAR, "sealed_sha256", Types.VARCHAR, "signer_sha256", Types.VARCHAR,
            "sealed_size", Types.INTEGER, "idempotency_key", Types.VARCHAR, "request_sha256", Types.VARCHAR,
            "created_at", Types.TIMESTAMP_WITH_TIMEZONE, "updated_at", Types.TIMESTAMP_WITH_TIMEZONE,
            "delivery_started_at", Types.TIMESTAMP_WITH_TIMEZONE, "in_reply_to", Types.VARCHAR,
            "partner_transfer_id", Types.VARCHAR, "purged_at", Types.TIMESTAMP_WITH_TIMEZONE,
            "collect_by", Types.TIMESTAMP_WITH_TIMEZONE, "expiry_warned_at", Types.TIMESTAMP_WITH_TIMEZONE,
            "urgent", Types.BOOLEAN, "row_version", Types.BIGINT);

    static final InsertInto MESSAGE = InsertInto.table("sealed_message", "transfer_id", Types.VARCHAR, "content", Types.VARBINARY);

    private final PendingInserts inserts;

    TransferInserts(PendingInserts inserts) {
        this.inserts = inserts;
    }

    /** Inserts {@code transfer}, which must be new, and its sealed message, when the current transaction commits. */
    public void insert(Transfer transfer, byte[] sealedMessage) {
        if (!transfer.isNew()) {
            throw new IllegalArgumentException("Transfer " + transfer.id() + " is already stored");
        }
        inserts.add(TRANSFER, transfer.id(), transfer.sender(), transfer.recipient(), transfer.recordType(),
                transfer.schemaVersion(), transfer.purpose(), transfer.direction(), transfer.agreementId(),
                transfer.agreementVersion(), transfer.agreementSha256(), transfer.channel(), transfer.channelAddress(),
                transfer.deliveryAttempts(), transfer.status().name(), transfer.sealedSha256(), transfer.signerSha256(),
                transfer.sealedSize(), transfer.idempotencyKey(), transfer.requestSha256(), transfer.createdAt(),
                transfer.updatedAt(), transfer.deliveryStartedAt(), transfer.inReplyTo(), transfer.partnerTransferId(),
                transfer.purgedAt(), transfer.collectBy(), transfer.expiryWarnedAt(), transfer.urgent(), transfer.rowVersion());
        inserts.add(MESSAGE, transfer.id(), sealedMessage);
    }
}
