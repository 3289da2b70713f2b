package org.accord.gateway.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.accord.gateway.agreement.Organisation;
import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.intake.SubmissionProblems;
import org.accord.gateway.outbound.OutboundFlow;
import org.accord.gateway.outbound.Submission;
import org.accord.gateway.outbound.SubmissionOutcome;
import org.accord.gateway.security.Caller;
import org.accord.gateway.transfer.ReplayGuard;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/inbound}: a partner pushes a message it sealed for this gateway (signed with its own
 * key, encrypted for the gateway's certificate). The message is opened (decrypted, the signer checked against
 * the partner directory, each transfer id admitted once), must come from the partner the token belongs to,
 * and then goes through the same checks as any record for its direction: schema, agreement, minimisation,
 * sealing for the receiving unit, its mailbox. A repeat of a message already received is answered
 * {@code ALREADY_RECEIVED}, not as an error.
 */
@RestController
public class InboundController {

    private static final int MAX_BYTES = 1024 * 1024;

    private final InboundOpener opener;
    private final OutboundFlow flow;
    private final TransferLog transferLog;
    private final JsonMapper json;
    private final Clock clock;

    public InboundController(InboundOpener opener, OutboundFlow flow, TransferLog transferLog, JsonMapper json, Clock clock) {
        this.opener = opener;
        this.flow = flow;
        this.transferLog = transferLog;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/api/v1/inbound")
    public ResponseEntity<InboundResponse> receive(Caller caller, HttpServletRequest request) throws IOException {
        String refusalId = UUID.randomUUID().toString();
        String contentType = request.getContentType();
        if (contentType == null || !(contentType.startsWith("application/pkcs7-mime") || contentType.startsWith("application/octet-stream"))) {
            throw refuse(caller, refusalId, ProblemCode.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Send the sealed message as application/pkcs7-mime.");
        }
        byte[] der;
        try (InputStream in = request.getInputStream()) {
            der = in.readNBytes(MAX_BYTES + 1);
        }
        if (der.length > MAX_BYTES) {
            throw refuse(caller, refusalId, ProblemCode.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "A sealed message may be at most " + MAX_BYTES + " bytes.");
        }
        InboundOpening opening = opener.open(der);
        if (opening instanceof InboundOpening.Refused refused) {
            if (ReplayGuard.DUPLICATE.equals(refused.code())) {
                return ResponseEntity.ok(new InboundResponse(null, "ALREADY_RECEIVED", null));
            }
            throw refuse(caller, refusalId, ProblemCode.INBOUND_REJECTED, refused.code(), "The sealed message could not be accepted.");
        }
        InboundOpening.Opened opened = (InboundOpening.Opened) opening;
        String callerOrganisation = Organisation.organisationOf(caller.organisation());
        if (!opened.sender().equals(callerOrganisation)) {
            throw refuse(caller, refusalId, ProblemCode.INBOUND_REJECTED, "SENDER_MISMATCH",
                    "The message is signed by another organisation than the one this client acts for.");
        }
        JsonNode message = parse(opened.message().content(), caller, refusalId);
        if (!opened.sender().equals(text(message, "sender")) && !opened.sender().equals(Organisation.organisationOf(text(message, "sender")))) {
            throw refuse(caller, refusalId, ProblemCode.INBOUND_REJECTED, "SENDER_MISMATCH", "The message names another sender than its signer.");
        }
        Submission submission = new Submission(UUID.randomUUID().toString(), text(message, "sender"), caller.clientId(),
                text(message, "recordType"), message.path("schemaVersion").asInt(1), text(message, "recipient"), text(message, "purpose"),
                message.get("record"), null, Fingerprints.sha256Hex(der), clock.instant(),
                text(message, "inReplyTo"), opened.message().transferId());
        SubmissionOutcome outcome = flow.submit(submission);
        if (outcome instanceof SubmissionOutcome.Refused refused) {
            throw SubmissionProblems.of(refused);
        }
        SubmissionOutcome.Accepted accepted = (SubmissionOutcome.Accepted) outcome;
        return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON)
                .body(new InboundResponse(accepted.transferId(), accepted.status(), opened.message().transferId()));
    }

    private JsonNode parse(byte[] content, Caller caller, String refusalId) {
        try {
            JsonNode message = json.readTree(content);
            if (message == null || !message.isObject() || !message.path("record").isObject() || text(message, "recordType") == null
                    || text(message, "recipient") == null || text(message, "purpose") == null || text(message, "sender") == null) {
                throw refuse(caller, refusalId, ProblemCode.INBOUND_REJECTED, "CONTENT_INVALID",
                        "The message must carry sender, recipient, recordType, purpose and record.");
            }
            return message;
        }
        catch (JacksonException e) {
            throw refuse(caller, refusalId, ProblemCode.INBOUND_REJECTED, "CONTENT_INVALID", "The message content is not JSON.");
        }
    }

    private ApiProblemException refuse(Caller caller, String refusalId, ProblemCode problem, String code, String detail) {
        transferLog.appendAlone(LogEntry.refusal(refusalId, code, caller.clientId(),
                TransferFacts.of(caller.organisation(), null, null, null, null), "inbound: " + detail));
        return new ApiProblemException(problem, detail, Map.of("reason", code, "refusalId", refusalId));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || !value.isString() ? null : value.asString();
    }


    /**
     * @param transferId this gateway's transfer id for the record, when accepted
     * @param partnerTransferId the transfer id the partner sealed the message under
     */
    public record InboundResponse(String transferId, String status, String partnerTransferId) {
    }
}
