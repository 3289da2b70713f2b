package org.accord.gateway.intake;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.accord.gateway.audit.Ids;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.outbound.OutboundFlow;
import org.accord.gateway.outbound.Submission;
import org.accord.gateway.security.Caller;
import org.accord.gateway.security.Scopes;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/records}: a university system submits a record for one recipient. Answers 202 only
 * once the transfer and its log entries are committed; every refusal is logged before it is answered.
 */
@RestController
public class RecordController {

    private final OutboundFlow flow;
    private final IntakeRefusals refusals;
    private final Idempotency idempotency;
    private final JsonMapper json;
    private final IntakeProperties properties;
    private final Clock clock;

    RecordController(OutboundFlow flow, IntakeRefusals refusals, Idempotency idempotency, JsonMapper json,
            IntakeProperties properties, Clock clock) {
        this.flow = flow;
        this.refusals = refusals;
        this.idempotency = idempotency;
        this.json = RequestBody.strict(json);
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/api/v1/records")
    @Operation(summary = "Submit a record for one recipient",
            description = "Answers 202 once the transfer and its log entries are committed. The sender is the organisation "
                    + "the token's client acts for. Needs the scope submit:<recordType>. An answer (referral-outcome, "
                    + "channel-information-response) may name the transfer it answers in inReplyTo.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = SubmissionEnvelope.class))))
    @ApiResponse(responseCode = "202", description = "Accepted: the transfer is durable",
            content = @Content(schema = @Schema(implementation = SubmitResponse.class)))
    @ApiResponse(responseCode = "400", description = "MALFORMED_JSON or INVALID_IDEMPOTENCY_KEY", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, UNKNOWN_CLIENT or REFUSED_BY_AGREEMENT (with `reason`)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "SCHEMA_VIOLATION (with `violations`), INVALID_SUBMISSION, UNKNOWN_RECORD_TYPE, "
            + "IDEMPOTENCY_KEY_REUSED, or IN_REPLY_TO_INVALID (with `reason`: ORIGINAL_UNKNOWN, RECORD_TYPES_DO_NOT_PAIR, "
            + "NOT_TO_ORIGINAL_SENDER)", content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<SubmitResponse> submit(Caller caller, @Parameter(hidden = true) HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
        String transferId = Ids.next();
        requireJson(request, caller, transferId);
        byte[] body = readBounded(request, caller, transferId);
        JsonNode tree = parse(body, caller, transferId);
        SubmissionEnvelope.Parsed parsed = SubmissionEnvelope.parse(tree);
        if (parsed.envelope() == null) {
            throw refusals.refuse(caller, transferId, ProblemCode.INVALID_SUBMISSION, null,
                    "The submission envelope has " + parsed.violations().size() + " problem(s).",
                    Map.of("violations", parsed.violations()));
        }
        SubmissionEnvelope envelope = parsed.envelope();
        if (!caller.hasScope(Scopes.submit(envelope.recordType()))) {
            throw refusals.refuse(caller, transferId, ProblemCode.INSUFFICIENT_SCOPE, envelope,
                    "The token does not allow submitting " + envelope.recordType() + " records.", Map.of());
        }
        String requestSha256 = Fingerprints.sha256Hex(body);
        Optional<ResponseEntity<SubmitResponse>> repeat = idempotency.earlier(caller, idempotencyKey, requestSha256, envelope);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        Submission submission = new Submission(transferId, caller.organisation(), caller.clientId(), envelope.recordType(),
                envelope.schemaVersion(), envelope.recipient(), envelope.purpose(), envelope.record(), idempotencyKey,
                requestSha256, clock.instant(), envelope.inReplyTo(), null, envelope.urgent());
        return idempotency.stored(caller, idempotencyKey, requestSha256, envelope, () -> flow.submit(submission));
    }

    private void requireJson(HttpServletRequest request, Caller caller, String transferId) {
        if (!RequestBody.isJson(request.getContentType())) {
            throw refusals.refuse(caller, transferId, ProblemCode.UNSUPPORTED_MEDIA_TYPE, null,
                    "Send the submission as application/json.", Map.of());
        }
    }

    private byte[] readBounded(HttpServletRequest request, Caller caller, String transferId) throws IOException {
        int limit = properties.maxBodyBytes();
        return RequestBody.readBounded(request, limit, () -> tooLarge(caller, transferId, limit));
    }

    private ApiProblemException tooLarge(Caller caller, String transferId, int limit) {
        return refusals.refuse(caller, transferId, ProblemCode.PAYLOAD_TOO_LARGE, null,
                "A submission may be at most " + limit + " bytes.", Map.of("limit", limit));
    }

    private JsonNode parse(byte[] body, Caller caller, String transferId) {
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw refusals.refuse(caller, transferId, ProblemCode.MALFORMED_JSON, null, "The body is empty.", Map.of());
            }
            return tree;
        }
        catch (JacksonException e) {
            throw refusals.refuse(caller, transferId, ProblemCode.MALFORMED_JSON, null,
                    "The body is not well-formed JSON.", Map.of());
        }
    }

    /** The 202 body. */
    public record SubmitResponse(String transferId, String status, String location, boolean repeated) {

        /** The 202 of an accepted submit (or of a repeat of one): the transfer, its status and where to follow it. */
        static ResponseEntity<SubmitResponse> accepted(String transferId, String status, boolean repeated) {
            URI location = URI.create("/api/v1/transfers/" + transferId);
            return ResponseEntity.accepted().location(location).contentType(MediaType.APPLICATION_JSON)
                    .body(new SubmitResponse(transferId, status, location.toString(), repeated));
        }
    }

}
