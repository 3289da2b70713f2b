package org.accord.gateway.emergency;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The DPO's review of one emergency disclosure: what was shared and why, and the DPO's decision once made. */
@Entity
@Table(name = "emergency_review")
public class EmergencyReview {

    @Id
    private String transferId;
    private String sender;
    private String recipient;
    private String recordType;
    private int schemaVersion;
    private String purpose;
    private String basis;
    private String authorisedBy;
    private String risk;
    private String fieldsShared;
    private Instant createdAt;
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private ReviewStatus status;
    private String note;
    private Boolean reportableBreach;
    private String reviewedBy;
    private Instant reviewedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected EmergencyReview() {
    }

    EmergencyReview(String transferId, String sender, String recipient, String recordType, int schemaVersion, String purpose,
            String basis, String authorisedBy, String risk, List<String> fieldsShared, Instant createdAt, Instant dueAt) {
        this.transferId = transferId;
        this.sender = sender;
        this.recipient = recipient;
        this.recordType = recordType;
        this.schemaVersion = schemaVersion;
        this.purpose = purpose;
        this.basis = basis;
        this.authorisedBy = authorisedBy;
        this.risk = risk;
        this.fieldsShared = String.join(",", fieldsShared);
        this.createdAt = createdAt;
        this.dueAt = dueAt;
        this.status = ReviewStatus.PENDING;
    }

    void decide(ReviewStatus decision, String note, Boolean reportableBreach, String reviewer, Instant at) {
        this.status = decision;
        this.note = note;
        this.reportableBreach = reportableBreach;
        this.reviewedBy = reviewer;
        this.reviewedAt = at;
    }

    public boolean overdueAt(Instant now) {
        return status == ReviewStatus.PENDING && now.isAfter(dueAt);
    }

    public String transferId() { return transferId; }
    public String sender() { return sender; }
    public String recipient() { return recipient; }
    public String recordType() { return recordType; }
    public int schemaVersion() { return schemaVersion; }
    public String purpose() { return purpose; }
    public String basis() { return basis; }
    public String authorisedBy() { return authorisedBy; }
    public String risk() { return risk; }
    public List<String> fieldsShared() { return fieldsShared.isEmpty() ? List.of() : Arrays.asList(fieldsShared.split(",")); }
    public Instant createdAt() { return createdAt; }
    public Instant dueAt() { return dueAt; }
    public ReviewStatus status() { return status; }
    public String note() { return note; }
    public Boolean reportableBreach() { return reportableBreach; }
    public String reviewedBy() { return reviewedBy; }
    public Instant reviewedAt() { return reviewedAt; }
}
