package org.accord.gateway.transfer;

/**
 * Everything needed to record a newly sealed transfer.
 *
 * @param inReplyTo the id of the transfer at this gateway that this one answers, or null
 * @param partnerTransferId for a record that arrived sealed from a partner, the id the partner sealed it under, or null
 */
public record TransferDraft(String id, String sender, String recipient, String recordType, int schemaVersion,
        String purpose, String direction, String agreementId, int agreementVersion, String agreementSha256,
        String channel, String channelAddress, String sealedSha256, String signerSha256, int sealedSize, String idempotencyKey,
        String requestSha256, String inReplyTo, String partnerTransferId) {

    /** A draft that answers nothing and did not arrive from a partner. */
    public TransferDraft(String id, String sender, String recipient, String recordType, int schemaVersion,
            String purpose, String direction, String agreementId, int agreementVersion, String agreementSha256,
            String channel, String channelAddress, String sealedSha256, String signerSha256, int sealedSize, String idempotencyKey,
            String requestSha256) {
        this(id, sender, recipient, recordType, schemaVersion, purpose, direction, agreementId, agreementVersion, agreementSha256,
                channel, channelAddress, sealedSha256, signerSha256, sealedSize, idempotencyKey, requestSha256, null, null);
    }

    /** This draft, answering {@code original} (null for none) and arrived as the partner's {@code partnerTransferId}. */
    public TransferDraft replying(String original, String partnerId) {
        return new TransferDraft(id, sender, recipient, recordType, schemaVersion, purpose, direction, agreementId, agreementVersion,
                agreementSha256, channel, channelAddress, sealedSha256, signerSha256, sealedSize, idempotencyKey, requestSha256,
                original, partnerId);
    }
}
