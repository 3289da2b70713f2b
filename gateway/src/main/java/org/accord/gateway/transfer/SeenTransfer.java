package org.accord.gateway.transfer;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A transfer id this gateway has already opened, so a replayed message is not processed twice. */
@Entity
@Table(name = "seen_transfer")
class SeenTransfer {

    @Id
    private String transferId;
    private String sender;
    private String sealedSha256;
    private Instant firstSeenAt;

    protected SeenTransfer() {
    }

    SeenTransfer(String transferId, String sender, String sealedSha256, Instant firstSeenAt) {
        this.transferId = transferId;
        this.sender = sender;
        this.sealedSha256 = sealedSha256;
        this.firstSeenAt = firstSeenAt;
    }

    String transferId() { return transferId; }
}
