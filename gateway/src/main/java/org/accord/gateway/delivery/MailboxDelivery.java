package org.accord.gateway.delivery;

import java.time.Clock;

import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.LogOutcome;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.metrics.TransferMetrics;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferAvailable;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a queued transfer available in its recipient's mailbox. Idempotent by transfer id: a transfer
 * already delivered (a redelivered or relayed queue message) is left as it is.
 */
@Service
public class MailboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailboxDelivery.class);
    public static final String MAILBOX = "mailbox";

    private final TransferRepository transfers;
    private final TransferLog transferLog;
    private final TransferMetrics metrics;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public MailboxDelivery(TransferRepository transfers, TransferLog transferLog, TransferMetrics metrics,
            ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.transfers = transfers;
        this.transferLog = transferLog;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    public void deliver(String transferId) {
        Transfer transfer = transfers.findById(transferId).orElse(null);
        if (transfer == null) {
            log.warn("Delivery message for unknown transfer={} ignored", transferId);
            return;
        }
        if (!transfer.status().awaitingDelivery()) {
            log.debug("Transfer={} already past delivery (status={}); duplicate queue message ignored", transferId, transfer.status());
            return;
        }
        if (!MAILBOX.equals(transfer.channel())) {
            transfer.moveTo(TransferStatus.FAILED, clock.instant());
            transferLog.append(new LogEntry(transferId, LogEvent.DELIVERY_FAILED, LogOutcome.FAILED, "CHANNEL_UNSUPPORTED",
                    "gateway", transfer.facts(), transfer.sealedSha256(), "channel " + transfer.channel() + " is not available on this gateway"));
            metrics.delivery(transfer.channel(), "failed");
            return;
        }
        makeAvailable(transfer);
        metrics.delivery(MAILBOX, "available");
    }

    /**
     * Makes a transfer available in its recipient's mailbox, in the caller's transaction: the status, the log
     * entry and the {@link TransferAvailable} event commit together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void makeAvailable(Transfer transfer) {
        transfer.moveTo(TransferStatus.AVAILABLE, clock.instant());
        announceAvailable(transfer);
    }

    /**
     * Logs and announces a transfer its caller has just made {@link TransferStatus#AVAILABLE}, in the caller's
     * transaction (the store of a mailbox transfer, which writes it in that status at once).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void announceAvailable(Transfer transfer) {
        if (transfer.status() != TransferStatus.AVAILABLE) {
            throw new IllegalStateException("Transfer " + transfer.id() + " is " + transfer.status() + ", not available");
        }
        transferLog.append(LogEntry.step(transfer.id(), LogEvent.MADE_AVAILABLE, "gateway", transfer.facts(), transfer.sealedSha256()));
        events.publishEvent(TransferAvailable.of(transfer));
    }

}
