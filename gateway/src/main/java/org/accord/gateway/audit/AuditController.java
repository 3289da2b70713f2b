package org.accord.gateway.audit;

import java.util.List;
import java.util.Map;

import org.accord.gateway.security.Caller;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The DPO's read access to the transfer log. Every read is itself logged. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private static final int MAX_PAGE_SIZE = 500;

    private final TransferLog transferLog;
    private final LogIntegrity integrity;
    private final java.time.Clock clock;

    public AuditController(TransferLog transferLog, LogIntegrity integrity, java.time.Clock clock) {
        this.transferLog = transferLog;
        this.integrity = integrity;
        this.clock = clock;
    }

    @GetMapping("/transfers")
    public AuditPage transfers(Caller caller, @RequestParam(required = false) String transferId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiProblemException(ProblemCode.INVALID_PARAMETER, "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        Page<TransferLogEntry> result = transferLog.page(transferId, PageRequest.of(page, size));
        transferLog.appendAlone(LogEntry.read(transferId, caller.clientId(),
                "transfer log page " + page + " size " + size));
        List<AuditEntryView> entries = result.getContent().stream().map(AuditEntryView::of).toList();
        return new AuditPage(entries, page, size, result.getTotalElements());
    }

    @GetMapping("/verify")
    public ChainVerifier.Report verify(Caller caller) {
        ChainVerifier.Report report = integrity.verify();
        transferLog.appendAlone(LogEntry.read(null, caller.clientId(),
                "chain verification: " + (report.valid() ? "intact" : "broken at " + report.firstBroken().chainIndex())));
        return report;
    }

    @GetMapping(value = "/export", produces = "application/x-ndjson")
    public ResponseEntity<StreamingResponseBody> export(Caller caller) {
        transferLog.appendAlone(LogEntry.read(null, caller.clientId(),
                "transfer log export"));
        StreamingResponseBody body = out -> {
            LogExport export = new LogExport(out);
            export.header(integrity.trustedCertificates(), clock.instant());
            long head = integrity.headIndex();
            integrity.forEachEntry(head, export::entry);
            integrity.checkpoints().stream().filter(c -> c.chainIndex() <= head).forEach(export::checkpoint);
            export.head(head);
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header("Content-Disposition", "attachment; filename=\"accord-transfer-log.jsonl\"").body(body);
    }

    /** A page of log entries. */
    public record AuditPage(List<AuditEntryView> entries, int page, int size, long total) {
    }

    /** The public shape of a log entry. */
    public record AuditEntryView(long seq, String entryId, String recordedAt, String transferId, LogEvent event,
            LogOutcome outcome, String code, String actor, String sender, String recipient, String recordType,
            Integer schemaVersion, String purpose, Map<String, Object> agreement, List<String> fieldsShared,
            List<String> fieldsTransformed, List<String> fieldsWithheld, String sealedSha256, String detail,
            String signerSha256, String receiptSha256, Long chainIndex, String prevHash, String entryHash) {

        static AuditEntryView of(TransferLogEntry e) {
            Map<String, Object> agreement = e.agreementId() == null ? null
                    : Map.of("id", e.agreementId(), "version", e.agreementVersion(), "sha256", e.agreementSha256());
            return new AuditEntryView(e.seq(), e.entryId(), e.recordedAt().toString(), e.transferId(), e.event(),
                    e.outcome(), e.code(), e.actor(), e.sender(), e.recipient(), e.recordType(), e.schemaVersion(),
                    e.purpose(), agreement, e.fieldsShared(), e.fieldsTransformed(), e.fieldsWithheld(),
                    e.sealedSha256(), e.detail(), e.signerSha256(), e.receiptSha256(), e.chainIndex(), e.prevHash(), e.entryHash());
        }
    }
}
