package org.accord.gateway.crypto;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a partner's signed receipt states: it received the sealed message with this digest for this
 * transfer at this time. Carried as a small JSON object,
 * {@code {"transferId":...,"sealedSha256":...,"receivedAt":...}}, the attached content of a CMS SignedData.
 *
 * @param transferId   the Accord transfer id of the message received
 * @param sealedSha256 lower-case hex SHA-256 of the sealed message as downloaded
 * @param receivedAt   when the partner received it, by its own clock
 */
public record ReceiptContent(String transferId, String sealedSha256, Instant receivedAt) {

    private static final Set<String> MEMBERS = Set.of("transferId", "sealedSha256", "receivedAt");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public ReceiptContent {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(sealedSha256, "sealedSha256");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The receipt JSON, UTF-8, with a final newline so that it is also a tidy file for {@code openssl cms}. */
    public byte[] toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("transferId", transferId);
        node.put("sealedSha256", sealedSha256);
        node.put("receivedAt", receivedAt.toString());
        return (JSON.writeValueAsString(node) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads receipt JSON: an object with exactly the three members, each a string, {@code receivedAt} an
     * ISO-8601 instant; duplicate members are refused.
     *
     * @throws IllegalArgumentException if the bytes are not such an object
     */
    public static ReceiptContent parse(byte[] json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("receipt content is not JSON", e);
        }
        if (node == null || !node.isObject() || node.size() != MEMBERS.size()) {
            throw new IllegalArgumentException("receipt content must be an object with " + MEMBERS);
        }
        for (String member : MEMBERS) {
            if (!node.path(member).isString() || node.get(member).asString().isBlank()) {
                throw new IllegalArgumentException("receipt member " + member + " must be a non-blank string");
            }
        }
        try {
            return new ReceiptContent(node.get("transferId").asString(), node.get("sealedSha256").asString(),
                    Instant.parse(node.get("receivedAt").asString()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("receipt member receivedAt must be an ISO-8601 instant", e);
        }
    }
}
