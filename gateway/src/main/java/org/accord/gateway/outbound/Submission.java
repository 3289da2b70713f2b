package org.accord.gateway.outbound;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A record submitted by an authenticated organisation, before any check. The sender comes from the
 * caller's token, never from the request body.
 *
 * @param transferId the id this submission will carry as a transfer, or as a refusal in the log
 * @param requestSha256 digest of the request body, to tell a true retry from a reused idempotency key
 */
public record Submission(String transferId, String sender, String clientId, String recordType, int schemaVersion,
        String recipient, String purpose, JsonNode record, String idempotencyKey, String requestSha256,
        Instant receivedAt) {
}
