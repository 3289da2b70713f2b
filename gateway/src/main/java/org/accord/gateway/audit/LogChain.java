package org.accord.gateway.audit;

import java.nio.charset.StandardCharsets;

import org.accord.gateway.crypto.Fingerprints;

/**
 * The hash chain over the transfer log. An entry's hash is SHA-256 of a canonical, length-prefixed encoding
 * of every member and the previous entry's hash, so any edit, deletion, insertion or reordering breaks the
 * chain from that point on. Plain Java, so an export can be verified offline.
 */
public final class LogChain {

    /** The hash the first entry links to. */
    public static final String GENESIS = "0".repeat(64);

    private LogChain() {
    }

    public static String hash(ChainedEntry e) {
        StringBuilder canonical = new StringBuilder(512).append("accord-log-v1\n");
        member(canonical, "chainIndex", Long.toString(e.chainIndex()));
        member(canonical, "entryId", e.entryId());
        member(canonical, "recordedAt", e.recordedAt() == null ? null : e.recordedAt().toString());
        member(canonical, "transferId", e.transferId());
        member(canonical, "event", e.event());
        member(canonical, "outcome", e.outcome());
        member(canonical, "code", e.code());
        member(canonical, "actor", e.actor());
        member(canonical, "sender", e.sender());
        member(canonical, "recipient", e.recipient());
        member(canonical, "recordType", e.recordType());
        member(canonical, "schemaVersion", e.schemaVersion() == null ? null : e.schemaVersion().toString());
        member(canonical, "purpose", e.purpose());
        member(canonical, "agreementId", e.agreementId());
        member(canonical, "agreementVersion", e.agreementVersion() == null ? null : e.agreementVersion().toString());
        member(canonical, "agreementSha256", e.agreementSha256());
        member(canonical, "fieldsShared", e.fieldsShared());
        member(canonical, "fieldsTransformed", e.fieldsTransformed());
        member(canonical, "fieldsWithheld", e.fieldsWithheld());
        member(canonical, "sealedSha256", e.sealedSha256());
        member(canonical, "detail", e.detail());
        member(canonical, "signerSha256", e.signerSha256());
        member(canonical, "receiptSha256", e.receiptSha256());
        member(canonical, "prevHash", e.prevHash());
        return Fingerprints.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes a checkpoint signature covers. */
    public static byte[] checkpointPayload(long chainIndex, String headHash, java.time.Instant createdAt) {
        return ("accord-checkpoint-v1\n" + chainIndex + "\n" + headHash + "\n" + createdAt + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void member(StringBuilder out, String name, String value) {
        out.append(name).append(':');
        if (value == null) {
            out.append("-\n");
        }
        else {
            out.append(value.length()).append(':').append(value).append('\n');
        }
    }

}
