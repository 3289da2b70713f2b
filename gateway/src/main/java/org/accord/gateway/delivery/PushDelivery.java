package org.accord.gateway.delivery;

import java.time.Clock;

import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.LogOutcome;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.metrics.TransferMetrics;
import org.accord.gateway.transfer.StoredMessageRepository;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One attempt to push a queued transfer to its recipient's HTTPS endpoint or broker queue. Delivered: the transfer is marked so.
 * Retryable and attempts left: the attempt is logged and {@link DeliveryRetry} is thrown, so the broker offers
 * the message again after its backoff. Otherwise the transfer is marked failed, kept, and logged, for a resend.
 */
@Service
public class PushDelivery {

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);

    private final TransferRepository transfers;
    private final StoredMessageRepository messages;
    private final TransferLog transferLog;
    private static final String JMS = "jms";

    private final HttpsPush https;
    private final JmsPush jms;
    private final TransferMetrics metrics;
    private final DeliveryProperties properties;
    private final Clock clock;

    public PushDelivery(TransferRepository transfers, StoredMessageRepository messages, TransferLog transferLog, HttpsPush https, JmsPush jms,
            TransferMetrics metrics, DeliveryProperties properties, Clock clock) {
        this.transfers = transfers;
        this.messages = messages;
        this.transferLog = transferLog;
        this.https = https;
        this.jms = jms;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = DeliveryRetry.class)
    public void deliver(String transferId, int attempt) {
        Transfer transfer = transfers.findById(transferId).orElse(null);
        if (transfer == null || !transfer.status().awaitingDelivery()) {
            return;
        }
        byte[] sealed = messages.findById(transfer.id()).orElseThrow().content();
        PushResult result = JMS.equals(transfer.channel())
                ? jms.push(transfer.recipient(), transfer.id(), transfer.channelAddress(), sealed)
                : https.push(transfer.recipient(), transfer.id(), transfer.channelAddress(), sealed);
        transfer.attempted(clock.instant());
        if (result.kind() == PushResult.Kind.DELIVERED) {
            transfer.moveTo(TransferStatus.DELIVERED, clock.instant());
            transferLog.append(new LogEntry(transfer.id(), LogEvent.DELIVERED, LogOutcome.OK, result.code(), "gateway",
                    transfer.facts(), transfer.sealedSha256(), "attempt " + attempt));
            metrics.delivery(transfer.channel(), "delivered");
            return;
        }
        if (result.kind() == PushResult.Kind.RETRYABLE && attempt < properties.maxAttempts()) {
            transferLog.append(new LogEntry(transfer.id(), LogEvent.DELIVERY_ATTEMPT_FAILED, LogOutcome.FAILED, result.code(),
                    "gateway", transfer.facts(), transfer.sealedSha256(), "attempt " + attempt + " of " + properties.maxAttempts()));
            metrics.delivery(transfer.channel(), "retry");
            log.info("Delivery attempt {} of transfer={} failed code={}; the broker will retry", attempt, transfer.id(), result.code());
            throw new DeliveryRetry(transfer.id(), result.code());
        }
        transfer.moveTo(TransferStatus.FAILED, clock.instant());
        transferLog.append(new LogEntry(transfer.id(), LogEvent.DELIVERY_FAILED, LogOutcome.FAILED, result.code(), "gateway",
                transfer.facts(), transfer.sealedSha256(), "gave up after attempt " + attempt));
        metrics.delivery(transfer.channel(), "failed");
        log.warn("Delivery of transfer={} failed code={} after {} attempt(s); kept for resend", transfer.id(), result.code(), attempt);
    }
}
