package org.accord.gateway.notify;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One notification owed to a unit's system about one transfer (the outbox row). Pending until sent or given
 * up; {@code nextAttemptAt} is when it is next due, and is moved past a send in progress so that no other
 * gateway takes it meanwhile and a crash mid-send only delays it.
 */
@Entity
@Table(name = "unit_notification")
public class UnitNotification {

    enum Status { PENDING, SENT, FAILED }

    @Id
    private String id;
    private String transferId;
    private String unit;
    private String event;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastCode;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected UnitNotification() {
    }

    UnitNotification(String id, String transferId, String unit, Instant now) {
        this(id, transferId, unit, UnitNotifier.EVENT, now);
    }

    /** A notification of {@code event}: {@code transfer-available} to the receiving unit, {@code transfer-expiring} to the sender. */
    UnitNotification(String id, String transferId, String unit, String event, Instant now) {
        this.id = id;
        this.event = event;
        this.transferId = transferId;
        this.unit = unit;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    boolean dueAt(Instant now) {
        return status == Status.PENDING && !nextAttemptAt.isAfter(now);
    }

    /** Taken for a send: not due again until {@code until}, unless its outcome is recorded first. */
    void claim(Instant until, Instant now) {
        this.nextAttemptAt = until;
        this.updatedAt = now;
    }

    /** Records one attempt's outcome: sent, to be tried again at {@code retryAt}, or (retryAt null) given up. */
    void attempted(boolean sent, String code, Instant retryAt, Instant now) {
        this.attempts++;
        this.lastCode = code;
        this.updatedAt = now;
        if (sent) {
            this.status = Status.SENT;
        }
        else if (retryAt != null) {
            this.nextAttemptAt = retryAt;
        }
        else {
            this.status = Status.FAILED;
        }
    }

    String id() { return id; }
    String transferId() { return transferId; }
    String unit() { return unit; }
    String event() { return event; }
    Status status() { return status; }
    int attempts() { return attempts; }
    Instant createdAt() { return createdAt; }
}
