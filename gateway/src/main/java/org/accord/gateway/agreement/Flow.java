package org.accord.gateway.agreement;

import java.time.Period;
import java.util.List;
import java.util.Map;

import org.accord.gateway.redaction.FieldRule;
import org.accord.gateway.redaction.RedactionPlan;

/**
 * One kind of record moving one way under an agreement.
 *
 * @param id            unique within the agreement
 * @param from          sender: an organisation id or {@code <organisation>/<unit>}
 * @param to            recipient, likewise
 * @param direction     seen from the gateway's institution
 * @param recordType    for example {@code prevent-referral}
 * @param schemaVersion the record schema version
 * @param purposes      ids of the agreement's purposes this flow serves
 * @param condition     what the record must satisfy; {@link Condition#ALWAYS} if the flow states none
 * @param fields        rule per field path; fields not named are dropped
 * @param channel       how the records are delivered
 * @param collectWithin for a mailbox or inbox message, how long the recipient has to acknowledge it before it
 *                      expires and its sealed copy is deleted; null for {@code accord.retention.uncollected-after}
 * @param allowUrgent   whether a submission's envelope may mark a record of this flow {@code urgent: true}
 */
public record Flow(String id, String from, String to, Direction direction, String recordType, int schemaVersion,
                   List<String> purposes, Condition condition, Map<String, FieldRule> fields, Channel channel,
                   Period collectWithin, boolean allowUrgent) {

    public Flow {
        purposes = List.copyOf(purposes);
        fields = Map.copyOf(fields);
    }

    /** A flow that leaves the collection period to the gateway's default. */
    public Flow(String id, String from, String to, Direction direction, String recordType, int schemaVersion,
            List<String> purposes, Condition condition, Map<String, FieldRule> fields, Channel channel) {
        this(id, from, to, direction, recordType, schemaVersion, purposes, condition, fields, channel, null, false);
    }

    /** A flow whose envelopes may not mark a record urgent. */
    public Flow(String id, String from, String to, Direction direction, String recordType, int schemaVersion,
            List<String> purposes, Condition condition, Map<String, FieldRule> fields, Channel channel, Period collectWithin) {
        this(id, from, to, direction, recordType, schemaVersion, purposes, condition, fields, channel, collectWithin, false);
    }

    public RedactionPlan plan(String agreementId) {
        return new RedactionPlan(agreementId, id, fields);
    }
}
