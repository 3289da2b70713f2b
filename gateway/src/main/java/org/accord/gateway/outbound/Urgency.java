package org.accord.gateway.outbound;

import tools.jackson.databind.JsonNode;

/**
 * Whether a record's own content says the risk is imminent, so that it is an urgent transfer whatever its envelope
 * says: a {@code prevent-referral} whose {@code immediateRisk} has emergency services called or describes the risk,
 * or a {@code safeguarding-concern} whose {@code concern.urgency} is {@code urgent}. ICO Data Sharing Code,
 * "Data sharing in an urgent situation or in an emergency".
 */
final class Urgency {

    private Urgency() {
    }

    static boolean marked(String recordType, JsonNode record) {
        if (record == null) {
            return false;
        }
        return switch (recordType) {
            case "prevent-referral" -> {
                JsonNode risk = record.path("immediateRisk");
                yield risk.path("emergencyServicesCalled").asBoolean(false)
                        || (risk.path("details").isString() && !risk.path("details").asString().isBlank());
            }
            case "safeguarding-concern" -> "urgent".equals(record.path("concern").path("urgency").asString(""));
            default -> false;
        };
    }
}
