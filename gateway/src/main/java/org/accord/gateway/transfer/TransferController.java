package org.accord.gateway.transfer;

import java.util.List;

import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.security.Caller;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/transfers/{id}}: the sender's view of its own transfer. Another organisation's transfer
 * is answered as not found, so ids reveal nothing.
 */
@RestController
public class TransferController {

    static final MediaType SIGNED_RECEIPT = MediaType.parseMediaType("application/pkcs7-mime; smime-type=signed-data");

    private final TransferRepository transfers;
    private final TransferReceiptRepository receipts;
    private final TransferLog transferLog;

    public TransferController(TransferRepository transfers, TransferReceiptRepository receipts, TransferLog transferLog) {
        this.transfers = transfers;
        this.receipts = receipts;
        this.transferLog = transferLog;
    }

    @GetMapping("/api/v1/transfers/{id}")
    @Transactional(readOnly = true)
    public TransferView transfer(Caller caller, @PathVariable String id) {
        Transfer t = ownTransfer(caller, id);
        ReceiptView receipt = receipts.findById(id).map(ReceiptView::of).orElse(null);
        List<Step> steps = transferLog.entriesFor(id).stream()
                .map(e -> new Step(e.event().name(), e.outcome().name(), e.recordedAt().toString())).toList();
        List<AnswerView> answeredBy = transfers.findByInReplyToOrderByCreatedAt(id).stream().map(AnswerView::of).toList();
        return new TransferView(t.id(), t.status().name(), t.recipient(), t.recordType(), t.schemaVersion(), t.purpose(),
                new AgreementView(t.agreementId(), t.agreementVersion(), t.agreementSha256()), t.channel(),
                t.sealedSha256(), t.signerSha256(), t.createdAt().toString(), t.updatedAt().toString(), receipt, steps,
                t.inReplyTo(), answeredBy);
    }

    /** The recipient's signed receipt as it was received (CMS SignedData, DER); 404 when there is none. */
    @GetMapping("/api/v1/transfers/{id}/receipt")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> receipt(Caller caller, @PathVariable String id) {
        ownTransfer(caller, id);
        TransferReceipt receipt = receipts.findById(id)
                .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No signed receipt for this transfer."));
        return ResponseEntity.ok().contentType(SIGNED_RECEIPT)
                .header("Content-Disposition", "attachment; filename=\"" + id + ".receipt.p7s\"")
                .header("Digest", "sha-256=" + receipt.receiptSha256())
                .body(receipt.content());
    }

    private Transfer ownTransfer(Caller caller, String id) {
        return transfers.findById(id).filter(x -> x.sender().equals(caller.organisation()))
                .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No such transfer."));
    }

    /**
     * A transfer as its sender sees it.
     *
     * @param answers the id of the transfer this one answers, or null
     * @param answeredBy the transfers that answer this one (an outcome for a referral), oldest first
     */
    public record TransferView(String transferId, String status, String recipient, String recordType, int schemaVersion,
            String purpose, AgreementView agreement, String channel, String sealedSha256, String signerSha256,
            String createdAt, String updatedAt, ReceiptView receipt, List<Step> steps, String answers,
            List<AnswerView> answeredBy) {
    }

    /** A transfer that answers another: its id, record type, sender and when it arrived. */
    public record AnswerView(String transferId, String recordType, String sender, String receivedAt) {

        static AnswerView of(Transfer t) {
            return new AnswerView(t.id(), t.recordType(), t.sender(), t.createdAt().toString());
        }
    }

    /**
     * The recipient's signed receipt: its digest, who signed it (subject and certificate SHA-256), when it was
     * signed, when the recipient says it received the message, and when the gateway stored the receipt.
     */
    public record ReceiptView(String sha256, String signer, String signerSha256, String signedAt, String receivedAt,
            String storedAt) {

        static ReceiptView of(TransferReceipt r) {
            return new ReceiptView(r.receiptSha256(), r.signerSubject(), r.signerSha256(), r.signedAt().toString(),
                    r.receivedAt().toString(), r.storedAt().toString());
        }
    }

    /** The agreement a transfer was decided under. */
    public record AgreementView(String id, int version, String sha256) {
    }

    /** One logged step of the transfer. */
    public record Step(String event, String outcome, String at) {
    }
}
