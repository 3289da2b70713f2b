package org.accord.gateway.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A signed statement by the gateway that the chain had reached {@code chainIndex} with {@code headHash}. */
@Entity
@Immutable
@Table(name = "transfer_log_checkpoint")
public class LogCheckpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long chainIndex;
    private String headHash;
    private Instant createdAt;
    private String signatureAlgorithm;
    private byte[] signature;
    private byte[] signerCertificate;

    protected LogCheckpoint() {
    }

    LogCheckpoint(Checkpoint checkpoint) {
        this.chainIndex = checkpoint.chainIndex();
        this.headHash = checkpoint.headHash();
        this.createdAt = checkpoint.createdAt();
        this.signatureAlgorithm = checkpoint.signatureAlgorithm();
        this.signature = checkpoint.signature();
        this.signerCertificate = checkpoint.signerCertificate();
    }

    public Checkpoint checkpoint() {
        return new Checkpoint(chainIndex, headHash, createdAt, signatureAlgorithm, signature, signerCertificate);
    }
}
