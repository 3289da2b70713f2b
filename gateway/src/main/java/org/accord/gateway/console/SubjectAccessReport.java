package org.accord.gateway.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.accord.gateway.agreement.Agreement;
import org.accord.gateway.agreement.AgreementSource;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.TransferLogEntry;
import org.accord.gateway.audit.TransferLogSearch;
import org.accord.gateway.retention.RetentionSchedule;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A subject access report: every transfer and refusal about one person, from the log and the transfer's state
 * (dates, parties, record type, agreement, purpose, lawful basis, the names of the fields shared and withheld,
 * status, whether the sealed copy is still held, and when the gateway's subject references to it are due for
 * deletion). No record content: the gateway does not keep it.
 */
@Component
class SubjectAccessReport {

    static final List<String> COLUMNS = List.of("transfer_id", "received_at", "sender", "recipient", "record_type", "agreement",
            "purpose", "lawful_basis", "fields_shared", "fields_withheld", "status", "sealed_copy", "retention_due");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Europe/London"));

    private final TransferLogSearch search;
    private final TransferRepository transfers;
    private final AgreementSource agreements;
    private final RetentionSchedule schedule;

    SubjectAccessReport(TransferLogSearch search, TransferRepository transfers, AgreementSource agreements, RetentionSchedule schedule) {
        this.search = search;
        this.transfers = transfers;
        this.agreements = agreements;
        this.schedule = schedule;
    }

    @Transactional(readOnly = true)
    List<Row> rows(List<String> transferIds) {
        Map<String, List<TransferLogEntry>> steps = new LinkedHashMap<>();
        search.stepsOf(transferIds).forEach(e -> steps.computeIfAbsent(e.transferId(), id -> new ArrayList<>()).add(e));
        List<Row> rows = new ArrayList<>();
        for (TransferLogEntry opening : search.openingsOf(transferIds)) {
            List<TransferLogEntry> own = steps.getOrDefault(opening.transferId(), List.of(opening));
            TransferLogEntry sealed = own.stream().filter(e -> e.event() == LogEvent.SEALED).findFirst().orElse(null);
            TransferLogEntry decided = sealed != null ? sealed : opening;
            Optional<Transfer> transfer = transfers.findById(opening.transferId());
            Optional<Agreement> agreement = decided.agreementId() == null ? Optional.empty()
                    : agreements.current().agreement(decided.agreementId());
            String status = transfer.map(t -> t.status().name())
                    .orElse(opening.event() == LogEvent.REFUSED ? "REFUSED" + (opening.code() == null ? "" : " (" + opening.code() + ")") : "");
            String sealedCopy = transfer.map(t -> t.purged() ? "deleted " + DAY.format(t.purgedAt()) : "held").orElse("none");
            Instant due = schedule.subjectReferencesDueAt(transfer.isPresent() ? decided.agreementId() : null, opening.sender(),
                    opening.recordedAt());
            rows.add(new Row(opening.transferId(), DAY.format(opening.recordedAt()), opening.sender(), opening.recipient(),
                    opening.recordType(), decided.agreementId() == null ? "" : decided.agreementId() + " v" + decided.agreementVersion(),
                    opening.purpose(), String.join("; ", agreement.map(a -> a.lawfulBases().stream()
                            .map(TransferDetailController::basis).toList()).orElse(List.of())),
                    sealed == null ? "" : String.join("; ", sealed.fieldsShared()),
                    sealed == null ? "" : String.join("; ", sealed.fieldsWithheld()), status, sealedCopy, DAY.format(due)));
        }
        return rows;
    }

    static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder(Csv.line(COLUMNS));
        rows.forEach(r -> out.append(Csv.line(r.cells())));
        return out.toString();
    }

    /** One transfer or refusal in the report. */
    record Row(String transferId, String receivedAt, String sender, String recipient, String recordType, String agreement,
            String purpose, String lawfulBasis, String fieldsShared, String fieldsWithheld, String status, String sealedCopy,
            String retentionDue) {

        List<String> cells() {
            return java.util.Arrays.asList(transferId, receivedAt, sender, recipient, recordType, agreement, purpose, lawfulBasis,
                    fieldsShared, fieldsWithheld, status, sealedCopy, retentionDue);
        }
    }
}
