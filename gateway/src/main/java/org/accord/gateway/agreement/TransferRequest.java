package org.accord.gateway.agreement;

import java.time.LocalDate;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * A request to move one record, as the decision sees it.
 *
 * @param sender        organisation id or {@code <organisation>/<unit>}, for example {@code uni-northbridge/safeguarding-lead}
 * @param recipient     likewise, for example {@code ctp-nw-prevent}
 * @param recordType    for example {@code prevent-referral}
 * @param schemaVersion the record's schema version
 * @param purpose       the id of a purpose the agreement states, for example {@code prevent-referral-assessment}
 * @param direction     seen from the gateway's institution
 * @param on            the transfer date
 * @param record        the record, already valid against its schema; read only by flow conditions
 */
public record TransferRequest(String sender, String recipient, String recordType, int schemaVersion, String purpose,
                              Direction direction, LocalDate on, JsonNode record) {

    public TransferRequest {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(record, "record");
    }
}
