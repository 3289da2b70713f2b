package org.accord.gateway.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/emergency-disclosures} (scope {@code audit:read}): the emergency disclosures with their review status.
 * Each read is logged as an {@code AUDIT_READ} entry with the reading client as actor, as the console's view of them is.
 */
@RestController
class EmergencyDisclosuresController {

    /** The detail of the {@code AUDIT_READ} entry a listing writes. */
    static final String READ_DETAIL = "emergency disclosures list";

    private final EmergencyReviews reviews;
    private final TransferLog transferLog;
    private final Clock clock;

    EmergencyDisclosuresController(EmergencyReviews reviews, TransferLog transferLog, Clock clock) {
        this.reviews = reviews;
        this.transferLog = transferLog;
        this.clock = clock;
    }

    @GetMapping("/api/v1/emergency-disclosures")
    @Operation(summary = "List emergency disclosures with their review status, newest first",
            description = "Needs the scope audit:read. risk is the scrubbed text.")
    DisclosureList list(Caller caller) {
        Instant now = clock.instant();
        DisclosureList list = new DisclosureList(reviews.all().stream().map(r -> new Disclosure(r.transferId(), r.sender(), r.recipient(),
                r.recordType(), r.schemaVersion(), r.purpose(), r.basis(), r.authorisedBy(), r.risk(), r.fieldsShared(),
                r.createdAt(), r.dueAt(), r.status().name(), r.overdueAt(now), r.note(), r.reportableBreach(), r.reviewedBy(),
                r.reviewedAt())).toList());
        transferLog.appendAlone(LogEntry.read(null, caller.clientId(), READ_DETAIL));
        return list;
    }

    record DisclosureList(List<Disclosure> disclosures) {
    }

    /** One disclosure and its review. */
    record Disclosure(String transferId, String sender, String recipient, String recordType, int schemaVersion, String purpose,
            String basis, String authorisedBy, String risk, List<String> fieldsShared, Instant disclosedAt, Instant reviewDueAt,
            String reviewStatus, boolean overdue, String note, Boolean reportableBreach, String reviewedBy, Instant reviewedAt) {
    }
}
