package org.accord.gateway.audit;

import java.time.Instant;

/**
 * A transfer-log entry as the hash chain sees it: every stored member, in the form it is exported and
 * verified in. {@code entryHash} is SHA-256 over all other members ({@link LogChain#hash}).
 */
public record ChainedEntry(long chainIndex, String entryId, Instant recordedAt, String transferId, String event,
        String outcome, String code, String actor, String sender, String recipient, String recordType,
        Integer schemaVersion, String purpose, String agreementId, Integer agreementVersion, String agreementSha256,
        String fieldsShared, String fieldsTransformed, String fieldsWithheld, String sealedSha256, String detail,
        String signerSha256, String receiptSha256, String prevHash, String entryHash) {

    /** These members at {@code index}, linked to {@code previousHash}, not yet hashed: what the integrator hashes. */
    public ChainedEntry placed(long index, String previousHash) {
        return new ChainedEntry(index, entryId, recordedAt, transferId, event, outcome, code, actor, sender, recipient, recordType,
                schemaVersion, purpose, agreementId, agreementVersion, agreementSha256, fieldsShared, fieldsTransformed,
                fieldsWithheld, sealedSha256, detail, signerSha256, receiptSha256, previousHash, null);
    }
}
