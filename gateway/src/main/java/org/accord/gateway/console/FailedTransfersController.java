package org.accord.gateway.console;

import java.util.List;

import org.accord.gateway.delivery.Resend;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Transfers whose delivery failed (the attempts or time agreed with the partner ran out, or it refused), kept for a
 * resend by hand. The resend is logged with the signed-in person as actor.
 */
@Controller
class FailedTransfersController {

    private static final int SHOWN = 200;

    private final TransferRepository transfers;
    private final Resend resend;
    private final ConsoleReads reads;

    FailedTransfersController(TransferRepository transfers, Resend resend, ConsoleReads reads) {
        this.transfers = transfers;
        this.resend = resend;
        this.reads = reads;
    }

    @GetMapping("/console/failed")
    @Transactional(readOnly = true)
    String failed(Authentication reader, @RequestParam(required = false) String resent, Model model) {
        List<FailedRow> rows = transfers.findByStatusOrderByUpdatedAtDesc(TransferStatus.FAILED, PageRequest.of(0, SHOWN)).stream()
                .map(FailedRow::of).toList();
        reads.logged(reader, null, "console failed deliveries");
        model.addAttribute("rows", rows);
        model.addAttribute("resent", resent);
        return "console/failed";
    }

    @PostMapping("/console/failed/{id}/resend")
    String resend(Authentication reader, @PathVariable String id) {
        resend.requeue(id, reader.getName());
        return "redirect:/console/failed?resent=" + id;
    }

    /** A failed transfer as the list shows it. */
    record FailedRow(String transferId, String recipient, String recordType, String agreementId, int agreementVersion,
            String channel, int attempts, String failedAt) {

        static FailedRow of(Transfer t) {
            return new FailedRow(t.id(), t.recipient(), t.recordType(), t.agreementId(), t.agreementVersion(), t.channel(),
                    t.deliveryAttempts(), t.updatedAt().toString());
        }
    }
}
