package org.accord.gateway.audit;

import java.util.List;

/**
 * What the log says about the transfer a step belongs to: parties, record type, the agreement it was
 * decided under, and the names (never the values) of fields shared, transformed and withheld.
 * Any member may be null when not yet known (for example a refusal before the agreement check).
 */
public record TransferFacts(String sender, String recipient, String recordType, Integer schemaVersion,
        String purpose, String agreementId, Integer agreementVersion, String agreementSha256,
        List<String> fieldsShared, List<String> fieldsTransformed, List<String> fieldsWithheld) {

    public TransferFacts {
        fieldsShared = fieldsShared == null ? List.of() : List.copyOf(fieldsShared);
        fieldsTransformed = fieldsTransformed == null ? List.of() : List.copyOf(fieldsTransformed);
        fieldsWithheld = fieldsWithheld == null ? List.of() : List.copyOf(fieldsWithheld);
    }

    public static TransferFacts of(String sender, String recipient, String recordType, Integer schemaVersion, String purpose) {
        return new TransferFacts(sender, recipient, recordType, schemaVersion, purpose, null, null, null, null, null, null);
    }

    public TransferFacts withAgreement(String id, int version, String sha256) {
        return new TransferFacts(sender, recipient, recordType, schemaVersion, purpose, id, version, sha256,
                fieldsShared, fieldsTransformed, fieldsWithheld);
    }

    public TransferFacts withFields(List<String> shared, List<String> transformed, List<String> withheld) {
        return new TransferFacts(sender, recipient, recordType, schemaVersion, purpose, agreementId, agreementVersion,
                agreementSha256, shared, transformed, withheld);
    }
}
