package org.accord.gateway.audit;

/**
 * One step to append to the transfer log.
 *
 * @param transferId the transfer (or refused submission) the step belongs to; null for log reads
 * @param code a stable reason code for refusals and failures, else null
 * @param actor the organisation or client that caused the step, or {@code gateway}
 * @param detail a short human note without personal data
 * @param signerSha256 SHA-256 of the certificate that signed the sealed message (SEALED), else null
 * @param receiptSha256 SHA-256 of the recipient's signed receipt (ACKNOWLEDGED with a receipt), else null
 */
public record LogEntry(String transferId, LogEvent event, LogOutcome outcome, String code, String actor,
        TransferFacts facts, String sealedSha256, String detail, String signerSha256, String receiptSha256) {

    public LogEntry(String transferId, LogEvent event, LogOutcome outcome, String code, String actor,
            TransferFacts facts, String sealedSha256, String detail) {
        this(transferId, event, outcome, code, actor, facts, sealedSha256, detail, null, null);
    }

    public LogEntry withSigner(String sha256) {
        return new LogEntry(transferId, event, outcome, code, actor, facts, sealedSha256, detail, sha256, receiptSha256);
    }

    public LogEntry withReceipt(String sha256) {
        return new LogEntry(transferId, event, outcome, code, actor, facts, sealedSha256, detail, signerSha256, sha256);
    }

    public LogEntry withDetail(String note) {
        return new LogEntry(transferId, event, outcome, code, actor, facts, sealedSha256, note, signerSha256, receiptSha256);
    }

    public static LogEntry step(String transferId, LogEvent event, String actor, TransferFacts facts, String sealedSha256) {
        return new LogEntry(transferId, event, LogOutcome.OK, null, actor, facts, sealedSha256, null);
    }

    /** Someone read log data: {@code transferId} when the read was of one transfer, {@code detail} what was read. */
    public static LogEntry read(String transferId, String actor, String detail) {
        return new LogEntry(transferId, LogEvent.AUDIT_READ, LogOutcome.OK, null, actor, null, null, detail);
    }

    public static LogEntry refusal(String transferId, String code, String actor, TransferFacts facts, String detail) {
        return new LogEntry(transferId, LogEvent.REFUSED, LogOutcome.REFUSED, code, actor, facts, null, detail);
    }
}
