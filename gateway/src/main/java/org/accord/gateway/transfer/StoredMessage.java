package org.accord.gateway.transfer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The sealed (signed and encrypted) bytes of a transfer, kept until the recipient has it. */
@Entity
@Table(name = "sealed_message")
public class StoredMessage {

    @Id
    private String transferId;
    private byte[] content;

    protected StoredMessage() {
    }

    public StoredMessage(String transferId, byte[] content) {
        this.transferId = transferId;
        this.content = content.clone();
    }

    public String transferId() {
        return transferId;
    }

    public byte[] content() {
        return content.clone();
    }
}
