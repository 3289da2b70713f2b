package org.accord.gateway.inbound;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A signed receipt this gateway issued for a message a partner pushed to it, kept so that a repeat of the
 * message is answered with the same receipt, byte for byte.
 */
@Entity
@Table(name = "inbound_receipt")
class InboundReceipt {

    @Id
    private String partnerTransferId;
    private String sender;
    private String transferId;
    private String sealedSha256;
    private byte[] content;
    private String receiptSha256;
    private Instant issuedAt;

    protected InboundReceipt() {
    }

    InboundReceipt(String partnerTransferId, String sender, String transferId, String sealedSha256, byte[] content,
            String receiptSha256, Instant issuedAt) {
        this.partnerTransferId = partnerTransferId;
        this.sender = sender;
        this.transferId = transferId;
        this.sealedSha256 = sealedSha256;
        this.content = content.clone();
        this.receiptSha256 = receiptSha256;
        this.issuedAt = issuedAt;
    }

    String partnerTransferId() { return partnerTransferId; }
    String sender() { return sender; }
    String transferId() { return transferId; }
    byte[] content() { return content.clone(); }
    String receiptSha256() { return receiptSha256; }
}
