package org.accord.gateway.inbound;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.support.Fixtures;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Messages partners seal for the gateway in the inbound tests: an outcome (or referral) for the safeguarding lead. */
final class InboundMessages {

    static final String POLICE = "ctp-nw-prevent";
    static final String CHANNEL_PANEL = "la-northbridge-channel";
    static final String LEAD = "uni-northbridge/safeguarding-lead";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InboundMessages() {
    }

    /** The gateway's demo PKI under the shared test data directory. */
    static DemoPki pki(Path dataDir) {
        return DemoPki.ensure(dataDir.resolve("pki"), List.of(POLICE, CHANNEL_PANEL, "uni-northbridge"));
    }

    /** A message with a fresh transfer id; its {@code transferId} member is the id to seal it under. */
    static ObjectNode message(String sender, String recordType, String purpose) {
        ObjectNode message = JSON.createObjectNode();
        message.put("transferId", UUID.randomUUID().toString());
        message.put("recordType", recordType);
        message.put("schemaVersion", 1);
        message.put("sender", sender);
        message.put("recipient", LEAD);
        message.put("purpose", purpose);
        message.set("record", Fixtures.example(recordType.equals("prevent-referral") ? "prevent-referral" : "referral-outcome"));
        return message;
    }

    static ObjectNode outcome(String sender) {
        return message(sender, "referral-outcome", "referral-feedback");
    }

    /** Sealed by {@code credentials} for the gateway under the message's own transfer id. */
    static byte[] seal(ObjectNode message, PartnerCredentials credentials, DemoPki pki) {
        return credentials.seal(JSON.writeValueAsBytes(message), message.get("transferId").asString(), pki.gatewayCertificate());
    }
}
