package org.accord.gateway.delivery;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.transfer.StoredMessage;
import org.accord.gateway.transfer.StoredMessageRepository;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's mailbox: the sealed messages addressed to it that it has not yet acknowledged. A partner only
 * ever sees its own messages; another partner's message is answered as not found.
 */
@Service
public class Mailbox {

    private static final Set<TransferStatus> WAITING = EnumSet.of(TransferStatus.AVAILABLE, TransferStatus.DOWNLOADED);
    private static final int MAX_LISTED = 500;

    private final TransferRepository transfers;
    private final StoredMessageRepository messages;
    private final TransferLog transferLog;
    private final Clock clock;

    public Mailbox(TransferRepository transfers, StoredMessageRepository messages, TransferLog transferLog, Clock clock) {
        this.transfers = transfers;
        this.messages = messages;
        this.transferLog = transferLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Transfer> waitingFor(String organisation) {
        return transfers.findForRecipient(organisation, WAITING, PageRequest.of(0, MAX_LISTED));
    }

    @Transactional
    public SealedDownload download(String organisation, String clientId, String transferId) {
        Transfer transfer = waiting(organisation, transferId);
        StoredMessage message = messages.findById(transferId)
                .orElseThrow(() -> new IllegalStateException("Sealed message missing for transfer " + transferId));
        if (transfer.status() == TransferStatus.AVAILABLE) {
            transfer.moveTo(TransferStatus.DOWNLOADED, clock.instant());
        }
        transferLog.append(LogEntry.step(transferId, LogEvent.DOWNLOADED, clientId, MailboxDelivery.facts(transfer),
                transfer.sealedSha256()));
        return new SealedDownload(transferId, message.content(), transfer.sealedSha256());
    }

    @Transactional
    public Transfer acknowledge(String organisation, String clientId, String transferId) {
        Transfer transfer = transfers.findById(transferId).filter(t -> t.recipient().equals(organisation))
                .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No such message in this mailbox."));
        if (transfer.status() == TransferStatus.ACKNOWLEDGED) {
            return transfer;
        }
        if (!WAITING.contains(transfer.status())) {
            throw new ApiProblemException(ProblemCode.CONFLICT, "The message is not available for acknowledgement.");
        }
        transfer.moveTo(TransferStatus.ACKNOWLEDGED, clock.instant());
        transferLog.append(LogEntry.step(transferId, LogEvent.ACKNOWLEDGED, clientId, MailboxDelivery.facts(transfer),
                transfer.sealedSha256()));
        return transfer;
    }

    private Transfer waiting(String organisation, String transferId) {
        return transfers.findById(transferId)
                .filter(t -> t.recipient().equals(organisation) && WAITING.contains(t.status()))
                .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No such message in this mailbox."));
    }

    /** A sealed message as handed to its recipient. */
    public record SealedDownload(String transferId, byte[] der, String sha256) {
    }
}
