package org.accord.gateway.outbound;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A record submitted by an authenticated organisation, before any check. The sender comes from the
 * caller's token, never from the request body.
 *
 * @param transferId the id this submission will carry as a transfer, or as a refusal in the log
 * @param requestSha256 digest of the request body, to tell a true retry from a reused idempotency key
 * @param inReplyTo the id of the transfer at this gateway that this record answers, as the submitter names it; null for none
 * @param partnerTransferId for a record that arrived sealed from a partner, the id the partner sealed it under; null otherwise
 * @param urgentRequested the envelope said {@code urgent: true}; it counts only where the agreement flow allows it
 */
public record Submission(String transferId, String sender, String clientId, String recordType, int schemaVersion,
        String recipient, String purpose, JsonNode record, String idempotencyKey, String requestSha256,
        Instant receivedAt, String inReplyTo, String partnerTransferId, boolean urgentRequested) {

    /** A submission whose envelope does not ask for urgent delivery. */
    public Submission(String transferId, String sender, String clientId, String recordType, int schemaVersion,
            String recipient, String purpose, JsonNode record, String idempotencyKey, String requestSha256,
            Instant receivedAt, String inReplyTo, String partnerTransferId) {
        this(transferId, sender, clientId, recordType, schemaVersion, recipient, purpose, record, idempotencyKey, requestSha256,
                receivedAt, inReplyTo, partnerTransferId, false);
    }

    /** A submission that answers nothing and did not arrive from a partner. */
    public Submission(String transferId, String sender, String clientId, String recordType, int schemaVersion,
            String recipient, String purpose, JsonNode record, String idempotencyKey, String requestSha256, Instant receivedAt) {
        this(transferId, sender, clientId, recordType, schemaVersion, recipient, purpose, record, idempotencyKey, requestSha256,
                receivedAt, null, null);
    }
}
