package org.accord.gateway.agreement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.accord.gateway.redaction.FieldRule;
import org.accord.gateway.redaction.RedactionPlan;

/**
 * What an organisation may be sent in an emergency outside any agreement flow (its {@code emergency} section in
 * {@code organisations.yaml}), planned in advance as the ICO Data Sharing Code asks: who to contact, and per record
 * type which fields may go and how, with the same field rules as a flow. Fields it does not name are dropped.
 *
 * @param contact the organisation's emergency contact (a duty desk, say)
 * @param records the record types it may be sent in an emergency, each with its field rules
 */
public record EmergencyProfile(Contact contact, List<RecordProfile> records) {

    public EmergencyProfile {
        records = List.copyOf(records);
    }

    /** The field rules for {@code recordType} version {@code schemaVersion}, if the profile names it. */
    public Optional<RecordProfile> forRecord(String recordType, int schemaVersion) {
        return records.stream().filter(r -> r.recordType().equals(recordType) && r.schemaVersion() == schemaVersion).findFirst();
    }

    /**
     * @param role for example {@code Duty Inspector}
     * @param name the desk or person, for example {@code Prevent duty desk}
     * @param email at least one of email and phone
     */
    public record Contact(String role, String name, String email, String phone) {
    }

    /** One record type an organisation may be sent in an emergency, and how each field of it goes. */
    public record RecordProfile(String recordType, int schemaVersion, Map<String, FieldRule> fields) {

        public RecordProfile {
            fields = Map.copyOf(fields);
        }

        /** The redaction plan the minimiser applies to an emergency disclosure of this record type. */
        public RedactionPlan plan(String organisation) {
            return new RedactionPlan("emergency-" + organisation, recordType, fields);
        }
    }
}
