package org.accord.gateway.intake;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.accord.gateway.agreement.AgreementCatalogue;
import org.accord.gateway.agreement.AgreementSource;
import org.accord.gateway.agreement.Channel;
import org.accord.gateway.agreement.ChannelKind;
import org.accord.gateway.agreement.Directions;
import org.accord.gateway.agreement.EmergencyProfile;
import org.accord.gateway.agreement.Organisation;
import org.accord.gateway.agreement.Permit;
import org.accord.gateway.agreement.TransferRequest;
import org.accord.gateway.audit.Ids;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.outbound.EmergencyDisclosure;
import org.accord.gateway.outbound.OutboundFlow;
import org.accord.gateway.outbound.Submission;
import org.accord.gateway.outbound.SubmissionOutcome.Violation;
import org.accord.gateway.partner.PartnerDirectory;
import org.accord.gateway.partner.PartnerEntry;
import org.accord.gateway.redaction.scrub.ScrubProfile;
import org.accord.gateway.redaction.scrub.TextScrubber;
import org.accord.gateway.security.Caller;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/emergency-disclosures} (scope {@code emergency:disclose}): a record disclosed in an emergency
 * outside any agreement flow, to an organisation with an emergency profile, contact and key, with a justification
 * (docs/emergency.md). Only the profile's fields go; the transfer is sealed, urgent and logged as
 * {@code EMERGENCY_DISCLOSURE}; the DPO reviews it afterwards. Every refusal is logged before it is answered.
 */
@RestController
public class EmergencyDisclosureController {

    /** The closed list of bases an emergency disclosure may rest on. */
    public static final Set<String> BASES = Set.of("VITAL-INTERESTS", "SAFEGUARDING-INDIVIDUAL-AT-RISK", "PREVENTION-OF-CRIME",
            "NATIONAL-SECURITY");
    private static final Set<String> JUSTIFICATION_MEMBERS = Set.of("basis", "risk", "authorisedBy");
    private static final int MAX_RISK_CHARS = 4000;
    private static final int MAX_AUTHORISER_CHARS = 120;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final OutboundFlow flow;
    private final IntakeRefusals refusals;
    private final Idempotency idempotency;
    private final AgreementSource agreements;
    private final PartnerDirectory partners;
    private final TextScrubber scrubber;
    private final JsonMapper json;
    private final IntakeProperties properties;
    private final Clock clock;
    private final String institution;

    EmergencyDisclosureController(OutboundFlow flow, IntakeRefusals refusals, Idempotency idempotency, AgreementSource agreements,
            PartnerDirectory partners, TextScrubber scrubber, JsonMapper json, IntakeProperties properties, Clock clock,
            @Value("${accord.institution}") String institution) {
        this.flow = flow;
        this.refusals = refusals;
        this.idempotency = idempotency;
        this.agreements = agreements;
        this.partners = partners;
        this.scrubber = scrubber;
        this.json = RequestBody.strict(json);
        this.properties = properties;
        this.clock = clock;
        this.institution = institution;
    }

    @PostMapping("/api/v1/emergency-disclosures")
    @Operation(summary = "Disclose a record in an emergency, outside any agreement flow",
            description = "Needs the scope emergency:disclose. The submission envelope plus a justification: basis "
                    + "(VITAL-INTERESTS, SAFEGUARDING-INDIVIDUAL-AT-RISK, PREVENTION-OF-CRIME, NATIONAL-SECURITY), risk "
                    + "(free text, scrubbed before it is stored) and authorisedBy ({role, name}). Only the fields of the "
                    + "recipient's emergency profile go; the transfer is urgent and the DPO reviews it afterwards.")
    @ApiResponse(responseCode = "202", description = "Accepted: the disclosure is durable and its review is open",
            content = @Content(schema = @Schema(implementation = RecordController.SubmitResponse.class)))
    @ApiResponse(responseCode = "400", description = "MALFORMED_JSON or INVALID_IDEMPOTENCY_KEY", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, UNKNOWN_CLIENT, NO_EMERGENCY_PROFILE (with `reason`: "
            + "UNKNOWN_ORGANISATION, NO_EMERGENCY_PROFILE, NO_RECIPIENT_KEY), NOT_IN_EMERGENCY_PROFILE or REFUSED_BY_AGREEMENT "
            + "(with `reason`)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "USE_AGREEMENT: an agreement flow covers it", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "INVALID_SUBMISSION (with `violations`), SCHEMA_VIOLATION, FREE_TEXT_TOO_LONG, "
            + "UNKNOWN_RECORD_TYPE or IDEMPOTENCY_KEY_REUSED", content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<RecordController.SubmitResponse> disclose(Caller caller,
            @Parameter(hidden = true) HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
        String transferId = Ids.next();
        if (!RequestBody.isJson(request.getContentType())) {
            throw refusals.refuse(caller, transferId, ProblemCode.UNSUPPORTED_MEDIA_TYPE, null,
                    "Send the disclosure as application/json.", Map.of());
        }
        byte[] body = readBounded(request, caller, transferId);
        JsonNode tree;
        try {
            tree = json.readTree(body);
        }
        catch (JacksonException e) {
            tree = null;
        }
        if (tree == null || tree.isMissingNode()) {
            throw refusals.refuse(caller, transferId, ProblemCode.MALFORMED_JSON, null, "The body is not well-formed JSON.", Map.of());
        }
        List<Violation> violations = new ArrayList<>();
        JsonNode justification = tree.isObject() ? tree.get("justification") : null;
        SubmissionEnvelope.Parsed parsed;
        if (tree.isObject()) {
            ObjectNode envelopeOnly = ((ObjectNode) tree).deepCopy();
            envelopeOnly.remove("justification");
            parsed = SubmissionEnvelope.parse(envelopeOnly);
            violations.addAll(parsed.violations());
        }
        else {
            parsed = SubmissionEnvelope.parse(tree);
            violations.addAll(parsed.violations());
        }
        Justification j = tree.isObject() ? justification(justification, violations) : null;
        if (parsed.envelope() != null && parsed.envelope().inReplyTo() != null) {
            violations.add(new Violation("/inReplyTo", "an emergency disclosure answers no transfer"));
        }
        if (!violations.isEmpty()) {
            throw refusals.refuse(caller, transferId, ProblemCode.INVALID_SUBMISSION, parsed.envelope(),
                    "The emergency disclosure has " + violations.size() + " problem(s).", Map.of("violations", violations));
        }
        SubmissionEnvelope envelope = parsed.envelope();
        String requestSha256 = Fingerprints.sha256Hex(body);
        Optional<ResponseEntity<RecordController.SubmitResponse>> repeat = idempotency.earlier(caller, idempotencyKey, requestSha256,
                envelope);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        AgreementCatalogue catalogue = agreements.current();
        Organisation recipient = catalogue.organisations().get(envelope.recipient());
        if (recipient == null) {
            throw refuse(caller, transferId, ProblemCode.NO_EMERGENCY_PROFILE, envelope, "UNKNOWN_ORGANISATION",
                    "The recipient is not an organisation in the organisations list.");
        }
        EmergencyProfile profile = recipient.emergency();
        if (profile == null || profile.contact() == null) {
            throw refuse(caller, transferId, ProblemCode.NO_EMERGENCY_PROFILE, envelope, "NO_EMERGENCY_PROFILE",
                    "The recipient has no emergency profile and contact.");
        }
        Optional<PartnerEntry> partner = partners.partner(recipient.id());
        if (partner.isEmpty() || partners.encryptionCertificate(recipient.id()).isEmpty()) {
            throw refuse(caller, transferId, ProblemCode.NO_EMERGENCY_PROFILE, envelope, "NO_RECIPIENT_KEY",
                    "The gateway holds no key for the recipient.");
        }
        if (catalogue.recordSchemas().knows(envelope.recordType(), envelope.schemaVersion())
                && catalogue.decide(new TransferRequest(caller.organisation(), envelope.recipient(), envelope.recordType(),
                        envelope.schemaVersion(), envelope.purpose(), Directions.of(institution, caller.organisation(),
                                envelope.recipient()), LocalDate.ofInstant(clock.instant(), UK), envelope.record())) instanceof Permit) {
            throw refuse(caller, transferId, ProblemCode.USE_AGREEMENT, envelope, "USE_AGREEMENT",
                    "An agreement flow covers this record and purpose for this recipient: submit it to /api/v1/records.");
        }
        Optional<EmergencyProfile.RecordProfile> fields = profile.forRecord(envelope.recordType(), envelope.schemaVersion());
        if (fields.isEmpty()) {
            throw refuse(caller, transferId, ProblemCode.NOT_IN_EMERGENCY_PROFILE, envelope, "NOT_IN_EMERGENCY_PROFILE",
                    "The recipient's emergency profile does not name " + envelope.recordType() + " v" + envelope.schemaVersion() + ".");
        }
        Channel channel = partner.get().endpoint() != null
                ? new Channel(ChannelKind.HTTPS, partner.get().endpoint().toString())
                : new Channel(ChannelKind.MAILBOX, recipient.id());
        String risk = scrubber.scrub(j.risk(), new ScrubProfile(List.of(), true, Optional.empty())).text();
        EmergencyDisclosure disclosure = new EmergencyDisclosure(fields.get().plan(recipient.id()), channel, j.basis(),
                j.authorisedBy(), risk.length() > MAX_RISK_CHARS ? risk.substring(0, MAX_RISK_CHARS) : risk);
        Submission submission = new Submission(transferId, caller.organisation(), caller.clientId(), envelope.recordType(),
                envelope.schemaVersion(), envelope.recipient(), envelope.purpose(), envelope.record(), idempotencyKey,
                requestSha256, clock.instant(), null, null, true);
        return idempotency.stored(caller, idempotencyKey, requestSha256, envelope, () -> flow.disclose(submission, disclosure));
    }

    private ApiProblemException refuse(Caller caller, String transferId, ProblemCode code,
            SubmissionEnvelope envelope, String reason, String detail) {
        return refusals.refuse(caller, transferId, code, envelope, detail, Map.of("reason", reason));
    }

    /** The justification: basis from the closed list, risk (text), authorisedBy {role, name}; nothing else. */
    private static Justification justification(JsonNode node, List<Violation> violations) {
        if (node == null || !node.isObject()) {
            violations.add(new Violation("/justification", "must be an object with basis, risk and authorisedBy"));
            return null;
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!JUSTIFICATION_MEMBERS.contains(member.getKey())) {
                violations.add(new Violation("/justification/" + bounded(member.getKey()), "unexpected member"));
            }
        }
        JsonNode basis = node.get("basis");
        if (basis == null || !basis.isString() || !BASES.contains(basis.asString())) {
            violations.add(new Violation("/justification/basis", "must be one of " + String.join(", ", BASES.stream().sorted().toList())));
        }
        JsonNode risk = node.get("risk");
        if (risk == null || !risk.isString() || risk.asString().isBlank() || risk.asString().length() > MAX_RISK_CHARS) {
            violations.add(new Violation("/justification/risk", "must be text of 1 to " + MAX_RISK_CHARS + " characters"));
        }
        JsonNode by = node.get("authorisedBy");
        String role = by == null ? null : text(by.get("role"));
        String name = by == null ? null : text(by.get("name"));
        if (by == null || !by.isObject() || role == null || name == null || by.size() != 2) {
            violations.add(new Violation("/justification/authorisedBy", "must be an object with the senior officer's role and name"
                    + " (each at most " + MAX_AUTHORISER_CHARS + " characters)"));
        }
        if (!violations.isEmpty()) {
            return null;
        }
        return new Justification(basis.asString(), risk.asString(), role + ": " + name);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank() && node.asString().length() <= MAX_AUTHORISER_CHARS
                ? node.asString().strip() : null;
    }

    private static String bounded(String name) {
        String b = name.length() > 64 ? name.substring(0, 64) : name;
        return b.replace("~", "~0").replace("/", "~1");
    }

    private byte[] readBounded(HttpServletRequest request, Caller caller, String transferId) throws IOException {
        int limit = properties.maxBodyBytes();
        return RequestBody.readBounded(request, limit, () -> refusals.refuse(caller, transferId, ProblemCode.PAYLOAD_TOO_LARGE,
                null, "A disclosure may be at most " + limit + " bytes.", Map.of("limit", limit)));
    }

    private record Justification(String basis, String risk, String authorisedBy) {
    }
}
