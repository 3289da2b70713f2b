package org.accord.gateway.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.accord.gateway.outbound.SubmissionOutcome.Violation;
import tools.jackson.databind.JsonNode;

/**
 * The closed JSON envelope of a submission: {@code recordType}, {@code schemaVersion}, {@code recipient},
 * {@code purpose}, {@code record} and, for an answer, {@code inReplyTo}. Any other member is a violation, as is a
 * missing or mistyped one.
 *
 * @param recordType for example {@code prevent-referral}
 * @param schemaVersion the record type's schema version, 1 when absent
 * @param recipient the receiving organisation or unit, for example {@code ctp-nw-prevent}
 * @param purpose the purpose as the agreement names it, for example {@code prevent-referral-assessment}
 * @param record the record, valid against {@code schemas/records/<recordType>.v<schemaVersion>.schema.json}
 * @param inReplyTo optional: the transfer id (as the submitter received it from this gateway) of the record this one
 *        answers, for a {@code referral-outcome} (answering a {@code prevent-referral}) or a
 *        {@code channel-information-response} (answering a {@code channel-information-request})
 * @param urgent optional {@code urgent: true}: deliver ahead of routine transfers; counts only where the agreement flow
 *        allows it ({@code allowUrgent}), and is refused ({@code URGENT_NOT_ALLOWED}) elsewhere
 */
public record SubmissionEnvelope(String recordType, int schemaVersion, String recipient, String purpose, JsonNode record,
        String inReplyTo, boolean urgent) {

    private static final Set<String> MEMBERS = Set.of("recordType", "schemaVersion", "recipient", "purpose", "record", "inReplyTo",
            "urgent");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}(/[a-z0-9][a-z0-9-]{0,62})?");
    private static final Pattern TRANSFER_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");

    /** Parses the envelope, or returns the list of violations; never both. */
    static Parsed parse(JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        if (!body.isObject()) {
            return new Parsed(null, List.of(new Violation("", "the body must be a JSON object")));
        }
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            if (!MEMBERS.contains(member.getKey())) {
                violations.add(new Violation("/" + escape(member.getKey()), "unexpected member"));
            }
        }
        String recordType = identifier(body, "recordType", violations);
        String recipient = identifier(body, "recipient", violations);
        String purpose = identifier(body, "purpose", violations);
        int version = 1;
        JsonNode versionNode = body.get("schemaVersion");
        if (versionNode != null) {
            if (!versionNode.isIntegralNumber() || !versionNode.canConvertToInt() || versionNode.asInt() < 1 || versionNode.asInt() > 999) {
                violations.add(new Violation("/schemaVersion", "must be an integer from 1 to 999"));
            }
            else {
                version = versionNode.asInt();
            }
        }
        JsonNode record = body.get("record");
        if (record == null || !record.isObject()) {
            violations.add(new Violation("/record", "must be a JSON object"));
        }
        String inReplyTo = null;
        JsonNode inReplyToNode = body.get("inReplyTo");
        if (inReplyToNode != null) {
            if (!inReplyToNode.isString() || !TRANSFER_ID.matcher(inReplyToNode.asString()).matches()) {
                violations.add(new Violation("/inReplyTo", "must be a transfer id"));
            }
            else {
                inReplyTo = inReplyToNode.asString();
            }
        }
        boolean urgent = false;
        JsonNode urgentNode = body.get("urgent");
        if (urgentNode != null) {
            if (!urgentNode.isBoolean()) {
                violations.add(new Violation("/urgent", "must be true or false"));
            }
            else {
                urgent = urgentNode.booleanValue();
            }
        }
        if (!violations.isEmpty()) {
            return new Parsed(null, violations);
        }
        return new Parsed(new SubmissionEnvelope(recordType, version, recipient, purpose, record, inReplyTo, urgent), List.of());
    }

    private static String identifier(JsonNode body, String name, List<Violation> violations) {
        JsonNode node = body.get(name);
        if (node == null || !node.isString() || !IDENTIFIER.matcher(node.asString()).matches()) {
            violations.add(new Violation("/" + name, "must be an identifier of lower-case letters, digits and hyphens"));
            return null;
        }
        return node.asString();
    }

    private static String escape(String name) {
        String bounded = name.length() > 64 ? name.substring(0, 64) : name;
        return bounded.replace("~", "~0").replace("/", "~1");
    }

    record Parsed(SubmissionEnvelope envelope, List<Violation> violations) {
    }
}
