package org.accord.gateway.transfer;

/** Everything needed to record a newly sealed transfer. */
public record TransferDraft(String id, String sender, String recipient, String recordType, int schemaVersion,
        String purpose, String direction, String agreementId, int agreementVersion, String agreementSha256,
        String channel, String channelAddress, String sealedSha256, String signerSha256, int sealedSize, String idempotencyKey,
        String requestSha256) {
}
