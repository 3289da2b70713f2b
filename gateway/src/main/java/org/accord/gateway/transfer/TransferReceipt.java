package org.accord.gateway.transfer;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The signed receipt a recipient sent when it acknowledged a transfer, kept as evidence exactly as received
 * (CMS SignedData), with its digest, the signer certificate's digest and subject, and the times it states.
 */
@Entity
@Table(name = "transfer_receipt")
public class TransferReceipt {

    @Id
    private String transferId;
    private byte[] content;
    private String receiptSha256;
    private String signerSha256;
    private String signerSubject;
    private Instant signedAt;
    private Instant receivedAt;
    private Instant storedAt;

    protected TransferReceipt() {
    }

    public TransferReceipt(String transferId, byte[] content, String receiptSha256, String signerSha256, String signerSubject,
            Instant signedAt, Instant receivedAt, Instant storedAt) {
        this.transferId = transferId;
        this.content = content.clone();
        this.receiptSha256 = receiptSha256;
        this.signerSha256 = signerSha256;
        this.signerSubject = signerSubject;
        this.signedAt = signedAt;
        this.receivedAt = receivedAt;
        this.storedAt = storedAt;
    }

    public String transferId() { return transferId; }
    public byte[] content() { return content.clone(); }
    public String receiptSha256() { return receiptSha256; }
    public String signerSha256() { return signerSha256; }
    public String signerSubject() { return signerSubject; }
    public Instant signedAt() { return signedAt; }
    public Instant receivedAt() { return receivedAt; }
    public Instant storedAt() { return storedAt; }
}
