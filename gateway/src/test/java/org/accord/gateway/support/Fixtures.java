package org.accord.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The shipped example records, and submissions built from them. Tests run with the gateway module as working directory. */
public final class Fixtures {

    public static final Path SCHEMAS = Path.of("..", "schemas");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {
    }

    public static ObjectNode example(String recordType) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(SCHEMAS.resolve("examples").resolve(recordType + ".v1.example.json")));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode submission(String recordType, String recipient, String purpose, JsonNode record) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("recordType", recordType);
        envelope.put("schemaVersion", 1);
        envelope.put("recipient", recipient);
        envelope.put("purpose", purpose);
        envelope.set("record", record);
        return envelope;
    }

    /** The example Prevent referral addressed to the police Prevent team under the demo agreement. */
    public static ObjectNode referral() {
        return submission("prevent-referral", "ctp-nw-prevent", "prevent-referral-assessment", example("prevent-referral"));
    }

    public static String json(JsonNode node) {
        return JSON.writeValueAsString(node);
    }
}
