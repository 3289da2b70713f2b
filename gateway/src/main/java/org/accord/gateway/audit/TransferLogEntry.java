package org.accord.gateway.audit;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A stored transfer-log entry. Immutable: the application has no way to change or remove one. It is written with the
 * work it records, awaiting integration; the {@link LogIntegrator} then gives it its place in the hash chain, once,
 * in {@code transfer_log_chain} (read here as a secondary table: chain index, previous hash and hash are null until
 * then).
 */
@Entity
@Immutable
@Table(name = "transfer_log")
@SecondaryTable(name = "transfer_log_chain", pkJoinColumns = @PrimaryKeyJoinColumn(name = "entry_seq", referencedColumnName = "seq"))
public class TransferLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;
    private String entryId;
    private Instant recordedAt;
    private String transferId;
    @Enumerated(EnumType.STRING)
    private LogEvent event;
    @Enumerated(EnumType.STRING)
    private LogOutcome outcome;
    private String code;
    private String actor;
    private String sender;
    private String recipient;
    private String recordType;
    private Integer schemaVersion;
    private String purpose;
    private String agreementId;
    private Integer agreementVersion;
    private String agreementSha256;
    private String fieldsShared;
    private String fieldsTransformed;
    private String fieldsWithheld;
    private String sealedSha256;
    private String detail;
    @Column(table = "transfer_log_chain")
    private Long chainIndex;
    @Column(table = "transfer_log_chain")
    private String prevHash;
    @Column(table = "transfer_log_chain")
    private String entryHash;
    private String signerSha256;
    private String receiptSha256;

    protected TransferLogEntry() {
    }

    /** A new entry, awaiting integration into the chain. */
    TransferLogEntry(String entryId, Instant recordedAt, LogEntry entry) {
        TransferFacts facts = entry.facts() == null ? TransferFacts.of(null, null, null, null, null) : entry.facts();
        this.entryId = entryId;
        this.recordedAt = recordedAt;
        this.transferId = entry.transferId();
        this.event = entry.event();
        this.outcome = entry.outcome();
        this.code = entry.code();
        this.actor = entry.actor();
        this.sender = facts.sender();
        this.recipient = facts.recipient();
        this.recordType = facts.recordType();
        this.schemaVersion = facts.schemaVersion();
        this.purpose = facts.purpose();
        this.agreementId = facts.agreementId();
        this.agreementVersion = facts.agreementVersion();
        this.agreementSha256 = facts.agreementSha256();
        this.fieldsShared = join(facts.fieldsShared());
        this.fieldsTransformed = join(facts.fieldsTransformed());
        this.fieldsWithheld = join(facts.fieldsWithheld());
        this.sealedSha256 = entry.sealedSha256();
        this.detail = entry.detail();
        this.signerSha256 = entry.signerSha256();
        this.receiptSha256 = entry.receiptSha256();
    }

    /** The entry as the hash chain sees it, once integrated. */
    public ChainedEntry chained() {
        if (chainIndex == null) {
            throw new IllegalStateException("Transfer-log entry " + entryId + " is not in the chain yet");
        }
        return members(chainIndex, prevHash, entryHash);
    }

    /** The entry's members as written, before integration: no place in the chain yet (index 0, no hashes). */
    ChainedEntry unintegrated() {
        return members(0, null, null);
    }

    private ChainedEntry members(long index, String previous, String hash) {
        return new ChainedEntry(index, entryId, recordedAt, transferId, event.name(), outcome.name(), code, actor,
                sender, recipient, recordType, schemaVersion, purpose, agreementId, agreementVersion, agreementSha256,
                fieldsShared, fieldsTransformed, fieldsWithheld, sealedSha256, detail, signerSha256, receiptSha256, previous, hash);
    }

    private static String join(List<String> names) {
        return names.isEmpty() ? null : String.join(",", names);
    }

    private static List<String> split(String names) {
        return names == null ? List.of() : List.of(names.split(","));
    }

    public Long seq() { return seq; }
    public String entryId() { return entryId; }
    public Instant recordedAt() { return recordedAt; }
    public String transferId() { return transferId; }
    public LogEvent event() { return event; }
    public LogOutcome outcome() { return outcome; }
    public String code() { return code; }
    public String actor() { return actor; }
    public String sender() { return sender; }
    public String recipient() { return recipient; }
    public String recordType() { return recordType; }
    public Integer schemaVersion() { return schemaVersion; }
    public String purpose() { return purpose; }
    public String agreementId() { return agreementId; }
    public Integer agreementVersion() { return agreementVersion; }
    public String agreementSha256() { return agreementSha256; }
    public List<String> fieldsShared() { return split(fieldsShared); }
    public List<String> fieldsTransformed() { return split(fieldsTransformed); }
    public List<String> fieldsWithheld() { return split(fieldsWithheld); }
    public String sealedSha256() { return sealedSha256; }
    public String detail() { return detail; }
    /** The entry's index in the hash chain, or null while it awaits integration. */
    public Long chainIndex() { return chainIndex; }
    public boolean integrated() { return chainIndex != null; }
    public String prevHash() { return prevHash; }
    public String entryHash() { return entryHash; }
    public String signerSha256() { return signerSha256; }
    public String receiptSha256() { return receiptSha256; }
}
