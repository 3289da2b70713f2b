package org.accord.gateway.console;

import java.util.List;
import java.util.Optional;

import org.accord.gateway.agreement.Agreement;
import org.accord.gateway.agreement.AgreementSource;
import org.accord.gateway.agreement.LawfulBasis;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.TransferLogEntry;
import org.accord.gateway.audit.TransferLogSearch;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * One transfer or refusal: the timeline of its logged steps, the agreement it was decided under with that
 * agreement's lawful bases, the names of the fields shared, transformed and withheld, digests and delivery status,
 * and the transfer it answers or the transfers that answer it (a referral and its outcomes).
 */
@Controller
class TransferDetailController {

    private final TransferLogSearch search;
    private final TransferRepository transfers;
    private final AgreementSource agreements;
    private final ConsoleReads reads;

    TransferDetailController(TransferLogSearch search, TransferRepository transfers, AgreementSource agreements, ConsoleReads reads) {
        this.search = search;
        this.transfers = transfers;
        this.agreements = agreements;
        this.reads = reads;
    }

    @GetMapping("/console/transfers/{id}")
    @Transactional(readOnly = true)
    String transfer(@PathVariable String id, Authentication reader, Model model) {
        List<TransferLogEntry> steps = search.stepsOf(List.of(id));
        if (steps.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        reads.logged(reader, id, "transfer detail");
        TransferLogEntry opening = steps.get(0);
        TransferLogEntry sealed = steps.stream().filter(e -> e.event() == LogEvent.SEALED).findFirst().orElse(null);
        Optional<Transfer> transfer = transfers.findById(id);
        Optional<Agreement> agreement = opening.agreementId() == null ? Optional.empty()
                : agreements.current().agreement(opening.agreementId());
        model.addAttribute("row", TransferRow.of(opening, steps.get(steps.size() - 1)));
        model.addAttribute("opening", opening);
        model.addAttribute("steps", steps.stream().map(Step::of).toList());
        model.addAttribute("sealed", sealed);
        model.addAttribute("transfer", transfer.map(TransferStatusView::of).orElse(null));
        model.addAttribute("answers", transfer.map(Transfer::inReplyTo).flatMap(transfers::findById).map(Linked::of).orElse(null));
        model.addAttribute("answeredBy", transfer.isEmpty() ? List.of()
                : transfers.findByInReplyToOrderByCreatedAt(id).stream().map(Linked::of).toList());
        model.addAttribute("lawfulBases", agreement.map(Agreement::lawfulBases).orElse(List.of()));
        model.addAttribute("agreementVersionNow", agreement.map(Agreement::version).orElse(null));
        return "console/transfer";
    }

    /** One logged step, as the timeline shows it. */
    record Step(Long chainIndex, String at, String event, String outcome, String code, String actor, String sealedSha256,
            String detail, String entryHash) {

        static Step of(TransferLogEntry e) {
            return new Step(e.chainIndex(), TransferRow.WHEN.format(e.recordedAt()), e.event().name(), e.outcome().name(), e.code(),
                    e.actor(), e.sealedSha256(), e.detail(), e.entryHash());
        }
    }

    /** The accepted transfer's delivery state; a refusal has none. */
    record TransferStatusView(String status, String direction, String channel, String sealedSha256, String signerSha256,
            int sealedSize, String updatedAt, String partnerTransferId) {

        static TransferStatusView of(Transfer t) {
            return new TransferStatusView(t.status().name(), t.direction(), t.channel(), t.sealedSha256(), t.signerSha256(),
                    t.sealedSize(), TransferRow.WHEN.format(t.updatedAt()), t.partnerTransferId());
        }
    }

    /** A transfer this one answers or is answered by. */
    record Linked(String transferId, String recordType, String sender, String recipient, String receivedAt, String partnerTransferId) {

        static Linked of(Transfer t) {
            return new Linked(t.id(), t.recordType(), t.sender(), t.recipient(), TransferRow.WHEN.format(t.createdAt()),
                    t.partnerTransferId());
        }
    }

    static String basis(LawfulBasis b) {
        return b.conditions().isEmpty() ? b.code() : b.code() + " (" + String.join(", ", b.conditions()) + ")";
    }
}
