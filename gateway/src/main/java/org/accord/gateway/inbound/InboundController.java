package org.accord.gateway.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.intake.SubmissionProblems;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/inbound}: a partner pushes a message it sealed for this gateway (signed with its own
 * key, encrypted for the gateway's certificate), authenticated by its TLS client certificate on the inbound
 * HTTPS listener and/or an OAuth2 token with scope {@code inbound} ({@link InboundCallers}). The checks are
 * {@link InboundService}'s, shared with the inbound queue. Accepted: {@code 202} with this gateway's signed
 * receipt. A repeat of a message already received: {@code 200 ALREADY_RECEIVED} with the original receipt.
 */
@RestController
public class InboundController {

    private final InboundService inbound;
    private final InboundCallers callers;

    InboundController(InboundService inbound, InboundCallers callers) {
        this.inbound = inbound;
        this.callers = callers;
    }

    @PostMapping("/api/v1/inbound")
    public ResponseEntity<InboundResponse> receive(HttpServletRequest request) throws IOException {
        InboundSource source = callers.resolve(request);
        String contentType = request.getContentType();
        if (contentType == null || !(contentType.startsWith("application/pkcs7-mime") || contentType.startsWith("application/octet-stream"))) {
            throw problem(inbound.reject(source, ProblemCode.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "Send the sealed message as application/pkcs7-mime."));
        }
        byte[] der;
        try (InputStream in = request.getInputStream()) {
            der = in.readNBytes(InboundService.MAX_BYTES + 1);
        }
        InboundResult result = inbound.receive(der, source);
        if (result instanceof InboundResult.Accepted accepted) {
            return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON)
                    .body(InboundResponse.of(accepted.transferId(), accepted.status(), accepted.partnerTransferId(), accepted.receipt()));
        }
        if (result instanceof InboundResult.AlreadyReceived repeat) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(InboundResponse.of(repeat.transferId(), "ALREADY_RECEIVED", repeat.partnerTransferId(), repeat.receipt()));
        }
        if (result instanceof InboundResult.Rejected rejected) {
            throw problem(rejected);
        }
        throw SubmissionProblems.of(((InboundResult.Refused) result).outcome());
    }

    private static ApiProblemException problem(InboundResult.Rejected rejected) {
        return new ApiProblemException(rejected.problem(), rejected.detail(), Map.of("reason", rejected.code(), "refusalId", rejected.refusalId()));
    }

    /**
     * @param transferId        this gateway's transfer id for the record
     * @param partnerTransferId the transfer id the partner sealed the message under
     * @param receipt           this gateway's signed receipt, CMS SignedData in DER, base64; the same bytes for a repeat
     * @param receiptSha256     its SHA-256
     */
    public record InboundResponse(String transferId, String status, String partnerTransferId, String receipt, String receiptSha256) {

        static InboundResponse of(String transferId, String status, String partnerTransferId, byte[] receipt) {
            return new InboundResponse(transferId, status, partnerTransferId,
                    receipt == null ? null : Base64.getEncoder().encodeToString(receipt),
                    receipt == null ? null : Fingerprints.sha256Hex(receipt));
        }
    }
}
