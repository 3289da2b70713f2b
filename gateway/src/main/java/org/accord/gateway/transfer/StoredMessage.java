package org.accord.gateway.transfer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** The sealed (signed and encrypted) bytes of a transfer, kept until the recipient has it. */
@Entity
@Table(name = "sealed_message")
public class StoredMessage implements Persistable<String> {

    @Id
    private String transferId;
    private byte[] content;

    /** Made here and not yet stored: saving persists it without first looking for an existing row. */
    @Transient
    private boolean fresh = true;

    protected StoredMessage() {
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    @Override
    public String getId() {
        return transferId;
    }

    @Override
    public boolean isNew() {
        return fresh;
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
