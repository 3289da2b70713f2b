package org.accord.gateway.transfer;

import java.util.List;

import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.security.Caller;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
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

    private final TransferRepository transfers;
    private final TransferLog transferLog;

    public TransferController(TransferRepository transfers, TransferLog transferLog) {
        this.transfers = transfers;
        this.transferLog = transferLog;
    }

    @GetMapping("/api/v1/transfers/{id}")
    @Transactional(readOnly = true)
    public TransferView transfer(Caller caller, @PathVariable String id) {
        Transfer t = transfers.findById(id).filter(x -> x.sender().equals(caller.organisation()))
                .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No such transfer."));
        List<Step> steps = transferLog.entriesFor(id).stream()
                .map(e -> new Step(e.event().name(), e.outcome().name(), e.recordedAt().toString())).toList();
        return new TransferView(t.id(), t.status().name(), t.recipient(), t.recordType(), t.schemaVersion(), t.purpose(),
                new AgreementView(t.agreementId(), t.agreementVersion(), t.agreementSha256()), t.channel(),
                t.sealedSha256(), t.createdAt().toString(), t.updatedAt().toString(), steps);
    }

    /** A transfer as its sender sees it. */
    public record TransferView(String transferId, String status, String recipient, String recordType, int schemaVersion,
            String purpose, AgreementView agreement, String channel, String sealedSha256, String createdAt,
            String updatedAt, List<Step> steps) {
    }

    /** The agreement a transfer was decided under. */
    public record AgreementView(String id, int version, String sha256) {
    }

    /** One logged step of the transfer. */
    public record Step(String event, String outcome, String at) {
    }
}
