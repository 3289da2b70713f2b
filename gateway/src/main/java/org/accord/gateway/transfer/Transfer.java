package org.accord.gateway.transfer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.accord.gateway.audit.TransferFacts;
import org.springframework.data.domain.Persistable;

/**
 * An accepted transfer. Holds metadata only; the sealed message is kept separately in
 * {@link StoredMessage}. The only mutable part is the lifecycle status.
 */
@Entity
@Table(name = "transfer")
public class Transfer implements Persistable<String> {

    @Id
    private String id;
    private String sender;
    private String recipient;
    private String recordType;
    private int schemaVersion;
    private String purpose;
    private String direction;
    private String agreementId;
    private int agreementVersion;
    private String agreementSha256;
    private String channel;
    private String channelAddress;
    private int deliveryAttempts;
    @Enumerated(EnumType.STRING)
    private TransferStatus status;
    private String sealedSha256;
    private String signerSha256;
    private int sealedSize;
    private String idempotencyKey;
    private String requestSha256;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deliveryStartedAt;
    private String inReplyTo;
    private String partnerTransferId;
    private Instant purgedAt;
    private Instant collectBy;
    private Instant expiryWarnedAt;
    private boolean urgent;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    /** Made here and not yet stored: saving persists it without first looking for an existing row. */
    @Transient
    private boolean fresh = true;

    protected Transfer() {
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    public Transfer(TransferDraft draft, Instant now) {
        this.id = draft.id();
        this.sender = draft.sender();
        this.recipient = draft.recipient();
        this.recordType = draft.recordType();
        this.schemaVersion = draft.schemaVersion();
        this.purpose = draft.purpose();
        this.direction = draft.direction();
        this.agreementId = draft.agreementId();
        this.agreementVersion = draft.agreementVersion();
        this.agreementSha256 = draft.agreementSha256();
        this.channel = draft.channel();
        this.channelAddress = draft.channelAddress();
        this.status = TransferStatus.SEALED;
        this.sealedSha256 = draft.sealedSha256();
        this.signerSha256 = draft.signerSha256();
        this.sealedSize = draft.sealedSize();
        this.idempotencyKey = draft.idempotencyKey();
        this.requestSha256 = draft.requestSha256();
        this.inReplyTo = draft.inReplyTo();
        this.partnerTransferId = draft.partnerTransferId();
        this.createdAt = now;
        this.updatedAt = now;
        this.deliveryStartedAt = now;
    }

    /** What the transfer log records about this transfer at each later step. */
    public TransferFacts facts() {
        return TransferFacts.of(sender, recipient, recordType, schemaVersion, purpose)
                .withAgreement(agreementId, agreementVersion, agreementSha256);
    }

    /** Counts one more delivery attempt. */
    public void attempted(Instant now) {
        this.deliveryAttempts++;
        this.updatedAt = now;
    }

    /** Queues a failed transfer again, by hand: its delivery attempts and its delivery time are counted afresh. */
    public void requeueForResend(Instant now) {
        this.status = TransferStatus.QUEUED;
        this.deliveryAttempts = 0;
        this.deliveryStartedAt = now;
        this.updatedAt = now;
    }

    /** An urgent transfer: delivered ahead of routine ones, listed first, past the recipient's backlog bound. */
    public void markUrgent() {
        this.urgent = true;
    }

    /** A mailbox or inbox message the recipient must collect by {@code deadline} (its agreement flow's collectWithin). */
    public void collectBy(Instant deadline) {
        this.collectBy = deadline;
    }

    public void moveTo(TransferStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    public String id() { return id; }
    public String sender() { return sender; }
    public String recipient() { return recipient; }
    public String recordType() { return recordType; }
    public int schemaVersion() { return schemaVersion; }
    public String purpose() { return purpose; }
    public String direction() { return direction; }
    public String agreementId() { return agreementId; }
    public int agreementVersion() { return agreementVersion; }
    public String agreementSha256() { return agreementSha256; }
    public String channel() { return channel; }
    public String channelAddress() { return channelAddress; }
    public int deliveryAttempts() { return deliveryAttempts; }
    public TransferStatus status() { return status; }
    public String sealedSha256() { return sealedSha256; }
    public String signerSha256() { return signerSha256; }
    public int sealedSize() { return sealedSize; }
    public String idempotencyKey() { return idempotencyKey; }
    public String requestSha256() { return requestSha256; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    /** When delivery began: when the transfer was stored, or when it was last resent by hand. */
    public Instant deliveryStartedAt() { return deliveryStartedAt; }

    /** The id of the transfer at this gateway that this one answers, if it answers one. */
    public String inReplyTo() { return inReplyTo; }

    /** For a record that arrived sealed from a partner, the transfer id the partner sealed it under. */
    public String partnerTransferId() { return partnerTransferId; }

    /** When retention deleted the sealed copy; null while it is held. */
    public Instant purgedAt() { return purgedAt; }

    /** Whether retention has deleted the sealed copy (acknowledged, delivered or expired long enough ago). */
    public boolean purged() { return purgedAt != null; }

    /** By when the recipient must collect it, when its agreement flow says; null for the gateway's default. */
    public Instant collectBy() { return collectBy; }

    /** When the sender was warned that the message is about to expire uncollected; null if not (yet). */
    public Instant expiryWarnedAt() { return expiryWarnedAt; }

    /** The id the other party knows this transfer by: the partner's own id for one that arrived from it, else ours. */
    /** Whether this is an urgent transfer (its record marks an imminent risk, or its envelope said so where allowed). */
    public boolean urgent() { return urgent; }

    long rowVersion() { return rowVersion; }

    public String idKnownToPartner() { return partnerTransferId != null ? partnerTransferId : id; }
}
