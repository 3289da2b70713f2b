package org.accord.gateway.audit;

import java.time.Instant;

/**
 * A signed checkpoint: the gateway's signature over {@link LogChain#checkpointPayload} with the certificate
 * (DER) it signed with.
 */
public record Checkpoint(long chainIndex, String headHash, Instant createdAt, String signatureAlgorithm,
        byte[] signature, byte[] signerCertificate) {

    public Checkpoint {
        signature = signature.clone();
        signerCertificate = signerCertificate.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] signerCertificate() {
        return signerCertificate.clone();
    }
}
