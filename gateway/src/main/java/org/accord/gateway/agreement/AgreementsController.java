package org.accord.gateway.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.accord.gateway.record.RecordSchemas;
import org.accord.gateway.record.SchemaViolation;
import org.accord.gateway.redaction.FieldTransform;
import org.accord.gateway.redaction.MinimisedRecord;
import org.accord.gateway.redaction.Minimiser;
import org.accord.gateway.redaction.ReplacedSpan;
import org.accord.gateway.redaction.scrub.TextTooLongException;
import org.accord.gateway.security.Caller;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The agreements in force, with warnings for those past review or near expiry, and a dry run that says
 * what a record would become under them without sending anything.
 */
@RestController
@RequestMapping("/api/v1/agreements")
public class AgreementsController {

    private static final ZoneId UK = AgreementWarnings.UK;

    private final AgreementSource source;
    private final Minimiser minimiser;
    private final Clock clock;
    private final String institution;

    public AgreementsController(AgreementSource source, Minimiser minimiser, Clock clock,
            @Value("${accord.institution}") String institution) {
        this.source = source;
        this.minimiser = minimiser;
        this.clock = clock;
        this.institution = institution;
    }

    @GetMapping
    @Operation(summary = "List agreements with status, dates and warnings")
    public List<AgreementSummary> list(Caller caller) { // a caller at all: an unmapped client is refused UNKNOWN_CLIENT
        return summaries();
    }

    /** The agreements in force with their warnings, sorted by id (the console's agreements page shows the same). */
    public List<AgreementSummary> summaries() {
        AgreementCatalogue catalogue = source.current();
        LocalDate today = LocalDate.now(clock.withZone(UK));
        return catalogue.agreements().values().stream()
                .sorted(java.util.Comparator.comparing(Agreement::id))
                .map(a -> AgreementSummary.of(a, catalogue.ref(a.id()).orElseThrow().sha256(), today))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agreement: parties, purposes, lawful bases, flows with their field rules, and warnings")
    public AgreementDetail one(Caller caller, @PathVariable String id) {
        AgreementCatalogue catalogue = source.current();
        Agreement agreement = catalogue.agreement(id)
                .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No such agreement."));
        LocalDate today = LocalDate.now(clock.withZone(UK));
        return AgreementDetail.of(AgreementSummary.of(agreement, catalogue.ref(id).orElseThrow().sha256(), today), agreement);
    }

    @GetMapping(value = "/{id}/document.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The agreement in force as the document its signatories sign (PDF)",
            description = "Laid out as the ICO data sharing code's checklist, with a plain-language table of fields per flow, "
                    + "the agreement's id, version and the SHA-256 of its file (the digest every transfer records), and who "
                    + "signed it, when and with which certificate.")
    public ResponseEntity<byte[]> documentPdf(Caller caller, @PathVariable String id) {
        byte[] pdf = AgreementDocumentPdf.pdf(document(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(id + ".pdf").build().toString())
                .body(pdf);
    }

    /** The document of the agreement in force (the console shows the same). */
    public AgreementDocument document(String id) {
        AgreementCatalogue catalogue = source.current();
        AgreementVersion version = catalogue.current(id)
                .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No such agreement."));
        return AgreementDocument.of(version, catalogue.organisations());
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "What changed between an earlier version (from) and the version in force, in plain language",
            description = "Earlier versions are those kept in the agreements folder's history/. Without `from`, the newest "
                    + "earlier version.")
    public ChangeList changes(Caller caller, @PathVariable String id, @RequestParam(required = false) String from) {
        return changeList(id, from);
    }

    /** The changes from version {@code from} (or the newest earlier one) to the version in force. */
    public ChangeList changeList(String id, String from) {
        AgreementCatalogue catalogue = source.current();
        AgreementVersion current = catalogue.current(id)
                .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No such agreement."));
        List<Integer> earlier = catalogue.versions(id).stream().map(v -> v.agreement().version())
                .filter(v -> v < current.agreement().version()).toList();
        AgreementVersion old;
        if (from == null || from.isBlank()) {
            if (earlier.isEmpty()) {
                throw new ApiProblemException(ProblemCode.NOT_FOUND, "No earlier version of this agreement is kept.");
            }
            old = catalogue.version(id, earlier.get(earlier.size() - 1)).orElseThrow();
        } else {
            int version;
            try {
                version = Integer.parseInt(from.strip());
            } catch (NumberFormatException e) {
                throw new ApiProblemException(ProblemCode.INVALID_PARAMETER, "from must be a version number.");
            }
            old = catalogue.version(id, version)
                    .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No version " + version + " of this agreement is kept."));
        }
        return new ChangeList(id, old.agreement().version(), old.sha256(), current.agreement().version(), current.sha256(),
                earlier, AgreementChanges.between(old.agreement(), current.agreement()));
    }

    /** The changes between two versions, each version with the SHA-256 of its file, and the earlier versions kept. */
    public record ChangeList(String id, int fromVersion, String fromSha256, int toVersion, String toSha256,
            List<Integer> earlierVersions, List<AgreementChanges.Change> changes) {
    }

    @PostMapping("/check")
    @Operation(summary = "Dry run: which agreement would apply to this record and exactly what would be shared",
            description = "Nothing is sent, stored or logged. The sender is the caller's organisation unless `sender` names "
                    + "another. For a permit, `preview` is the record exactly as the recipient would receive it (scrubbed "
                    + "free text included) and `previewReplaced` lists each placeholder in it with its type, field (JSON "
                    + "Pointer) and position; both are given only when the sender is of the caller's own organisation.")
    public DryRun check(Caller caller, @RequestBody DryRunRequest request) {
        if (request.recordType() == null || request.recipient() == null || request.purpose() == null || request.record() == null
                || !request.record().isObject()) {
            throw new ApiProblemException(ProblemCode.INVALID_SUBMISSION, "recordType, recipient, purpose and record are required.");
        }
        String sender = request.sender() == null ? caller.organisation() : request.sender();
        int version = request.schemaVersion() == null ? 1 : request.schemaVersion();
        AgreementCatalogue catalogue = source.current();
        RecordSchemas schemas = catalogue.recordSchemas();
        Direction direction = Directions.of(institution, sender, request.recipient());
        if (!schemas.knows(request.recordType(), version)) {
            return DryRun.invalid(sender, direction, "UNKNOWN_RECORD_TYPE", List.of());
        }
        List<SchemaViolation> violations = schemas.validate(request.recordType(), version, request.record());
        if (!violations.isEmpty()) {
            return DryRun.invalid(sender, direction, "SCHEMA_VIOLATION", violations);
        }
        LocalDate today = LocalDate.now(clock.withZone(UK));
        Decision decision = catalogue.decide(new TransferRequest(sender, request.recipient(), request.recordType(), version,
                request.purpose(), direction, today, request.record()));
        if (decision instanceof Deny deny) {
            return new DryRun(sender, direction, "DENY", deny.code().name(), deny.reason(), deny.agreementOrNull(), null, null,
                    List.of(), null, null, null);
        }
        Permit permit = (Permit) decision;
        MinimisedRecord minimised;
        try {
            minimised = minimiser.minimise(permit.plan(), request.record(), today);
        }
        catch (TextTooLongException e) {
            return DryRun.invalid(sender, direction, TextTooLongException.CODE, List.of());
        }
        boolean ownRecord = Organisation.organisationOf(sender).equals(Organisation.organisationOf(caller.organisation()));
        return new DryRun(sender, direction, "PERMIT", null, "Permitted under " + permit.agreement().id() + " flow "
                + permit.flowId() + ".", permit.agreement(), permit.flowId(), permit.channel().kind().code(), List.of(),
                new FieldOutcome(minimised.shared(), minimised.transformed(), minimised.withheld()),
                ownRecord ? minimised.content() : null, ownRecord ? minimised.replaced() : null);
    }

    /** A dry-run request: the submission envelope, with an optional sender for testing on behalf of a unit. */
    public record DryRunRequest(String sender, String recordType, Integer schemaVersion, String recipient, String purpose,
            JsonNode record) {
    }

    /**
     * What would happen: the decision, and for a permit the fate of every field present in the record and, for the
     * sender only, the record as the recipient would receive it with each replaced span's type. The preview is in
     * this answer alone: the dry run writes nothing to the transfer log.
     */
    public record DryRun(String sender, Direction direction, String decision, String code, String reason,
            AgreementRef agreement, String flowId, String channel, List<SchemaViolation> schemaViolations, FieldOutcome fields,
            @Schema(description = "The record exactly as the recipient would receive it; only when the sender is of the caller's organisation")
            JsonNode preview,
            @Schema(description = "Each placeholder in `preview`: field (JSON Pointer), type (NAME, PHONE, ...), start and end in that string")
            List<ReplacedSpan> previewReplaced) {

        static DryRun invalid(String sender, Direction direction, String code, List<SchemaViolation> violations) {
            return new DryRun(sender, direction, "INVALID", code, "The record is not valid for this record type.", null, null,
                    null, violations, null, null, null);
        }
    }

    /** Fields shared unchanged, transformed (with the rule applied) and withheld. */
    public record FieldOutcome(List<String> shared, List<FieldTransform> transformed, List<String> withheld) {
    }

    /** An agreement in a list, with warnings for the governance lead. */
    public record AgreementSummary(String id, int version, String title, AgreementStatus status, LocalDate effective,
            LocalDate expires, LocalDate nextReview, List<String> parties, boolean inForce, List<String> warnings,
            String sha256) {

        static AgreementSummary of(Agreement a, String sha256, LocalDate today) {
            return new AgreementSummary(a.id(), a.version(), a.title(), a.status(), a.effective(), a.expires(), a.nextReview(),
                    a.parties().stream().map(Party::organisation).toList(), a.inForceOn(today),
                    AgreementWarnings.of(a, today), sha256);
        }
    }

    /** An agreement in full, as the ICO data sharing code expects it to be set out. */
    public record AgreementDetail(AgreementSummary summary, String registerReference, List<Party> parties,
            List<Purpose> purposes, List<LegalPower> legalPowers, List<LawfulBasis> lawfulBases,
            String policyDocumentReference, Dpia dpia, List<FlowView> flows, List<Retention> retention,
            OnwardSharing onwardSharing, List<String> security, SubjectRights subjectRights, Breach breach,
            List<Signatory> signatories) {

        static AgreementDetail of(AgreementSummary summary, Agreement a) {
            return new AgreementDetail(summary, a.registerReference(), a.parties(), a.purposes(), a.legalPowers(),
                    a.lawfulBases(), a.policyDocumentReference(), a.dpia(), a.flows().stream().map(FlowView::of).toList(),
                    a.retention(), a.onwardSharing(), a.security(), a.subjectRights(), a.breach(), a.signatories());
        }
    }

    /** A flow with its field rules by name. */
    public record FlowView(String id, String from, String to, Direction direction, String recordType, int schemaVersion,
            List<String> purposes, String channel, Map<String, String> fields) {

        static FlowView of(Flow f) {
            Map<String, String> fields = new LinkedHashMap<>();
            f.fields().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> fields.put(e.getKey(), e.getValue().name()));
            return new FlowView(f.id(), f.from(), f.to(), f.direction(), f.recordType(), f.schemaVersion(), f.purposes(),
                    f.channel().kind().code(), fields);
        }
    }
}
