package org.accord.gateway.delivery;

import java.time.Clock;
import java.time.Instant;

import jakarta.persistence.OptimisticLockException;
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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt to push a queued transfer to its recipient's HTTPS endpoint or broker queue. The transfer is read
 * in one short transaction, pushed with no transaction or database connection held, and the outcome recorded
 * in another, with its log entry. Delivered: the transfer is marked so. Retryable and attempts left: the attempt
 * is logged and {@link DeliveryRetry} is thrown, so the broker offers the message again after its backoff.
 * Otherwise the transfer is marked failed, kept, and logged, for a resend.
 * <p>
 * The limits are the partner's ({@link DeliveryProperties#limitsFor}): its attempts, and its time, counted from
 * when the transfer was stored or last resent. An attempt that fails, or a push held by an open circuit, once
 * that time has passed marks the transfer failed ({@code DELIVERY_FAILED}, the push's code, a detail naming the
 * time limit), so a partner that stays down does not keep its transfers queued for ever.
 * <p>
 * Attempts are counted on the transfer, not by the broker. A push held back because the partner's circuit is
 * open ({@link PartnerCircuits}) is logged ({@code PARTNER_CIRCUIT_OPEN}) and retried by the broker, but is not
 * counted: a partner known to be down does not use up a transfer's attempts in seconds.
 */
@Service
public class PushDelivery {

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);
    private static final String JMS = "jms";
    private static final int RECORD_TRIES = 3;

    private final TransferRepository transfers;
    private final StoredMessageRepository messages;
    private final TransferLog transferLog;
    private final HttpsPush https;
    private final JmsPush jms;
    private final PartnerCircuits circuits;
    private final TransferMetrics metrics;
    private final DeliveryProperties properties;
    private final TransactionTemplate read;
    private final TransactionTemplate write;
    private final Clock clock;

    PushDelivery(TransferRepository transfers, StoredMessageRepository messages, TransferLog transferLog, HttpsPush https, JmsPush jms,
            PartnerCircuits circuits, TransferMetrics metrics, DeliveryProperties properties, PlatformTransactionManager transactions,
            Clock clock) {
        this.transfers = transfers;
        this.messages = messages;
        this.transferLog = transferLog;
        this.https = https;
        this.jms = jms;
        this.circuits = circuits;
        this.metrics = metrics;
        this.properties = properties;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.write = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * @param deliveryCount the broker's delivery count of the queue message, for the application log only
     */
    public void deliver(String transferId, int deliveryCount) {
        Pending pending = read.execute(status -> pending(transferId));
        if (pending == null) {
            return;
        }
        PushResult result = circuits.call(pending.recipient(), () -> push(pending));
        Boolean retry = recordOutcome(transferId, result);
        if (Boolean.TRUE.equals(retry)) {
            log.info("Delivery of transfer={} not done code={} (broker delivery {}); the broker will retry", transferId,
                    result.code(), deliveryCount);
            throw new DeliveryRetry(transferId, result.code());
        }
    }

    private Pending pending(String transferId) {
        Transfer transfer = transfers.findById(transferId).orElse(null);
        if (transfer == null || !transfer.status().awaitingDelivery()) {
            return null;
        }
        byte[] sealed = messages.findById(transferId).orElseThrow().content();
        return new Pending(transfer.id(), transfer.recipient(), transfer.channel(), transfer.channelAddress(), sealed,
                transfer.urgent());
    }

    private PushResult push(Pending pending) {
        return JMS.equals(pending.channel())
                ? jms.push(pending.recipient(), pending.transferId(), pending.address(), pending.sealed(), pending.urgent())
                : https.push(pending.recipient(), pending.transferId(), pending.address(), pending.sealed());
    }

    /**
     * Records the outcome in a transaction of its own. A transfer changed since this transaction read it (marked
     * queued just after its hand-over, say) fails the optimistic check; the outcome is then recorded again
     * against its fresh state, so the attempt is still logged.
     */
    private Boolean recordOutcome(String transferId, PushResult result) {
        for (int tries = 1; ; tries++) {
            try {
                return write.execute(status -> record(transferId, result));
            }
            catch (OptimisticLockingFailureException | OptimisticLockException e) {
                // The flush before the log's chain head is locked raises the JPA exception itself, untranslated.
                if (tries == RECORD_TRIES) {
                    throw e;
                }
                log.debug("Transfer={} changed while its delivery outcome was recorded; recording again", transferId);
            }
        }
    }

    /**
     * Records the outcome; true when the broker should offer the message again. A transfer no longer awaiting
     * delivery was delivered meanwhile from a duplicate queue message, and is left as it is.
     */
    private boolean record(String transferId, PushResult result) {
        Transfer transfer = transfers.findById(transferId).orElseThrow();
        if (!transfer.status().awaitingDelivery()) {
            return false;
        }
        DeliveryProperties.Limits limits = properties.limitsFor(transfer.recipient());
        int max = limits.maxAttempts();
        Instant now = clock.instant();
        boolean outOfTime = !now.isBefore(transfer.deliveryStartedAt().plus(limits.giveUpAfter()));
        if (result.kind() == PushResult.Kind.HELD) {
            String made = transfer.deliveryAttempts() + " of " + max + " attempts made";
            if (outOfTime) {
                return fail(transfer, result, now, "not attempted, partner circuit open; gave up after the time limit of "
                        + limits.giveUpAfter() + ", " + made);
            }
            transferLog.append(new LogEntry(transferId, LogEvent.DELIVERY_ATTEMPT_FAILED, LogOutcome.FAILED, result.code(), "gateway",
                    transfer.facts(), transfer.sealedSha256(), "not attempted, partner circuit open; " + made));
            metrics.delivery(transfer.channel(), "held");
            return true;
        }
        transfer.attempted(now);
        int attempt = transfer.deliveryAttempts();
        if (result.kind() == PushResult.Kind.DELIVERED) {
            transfer.moveTo(TransferStatus.DELIVERED, now);
            transferLog.append(new LogEntry(transferId, LogEvent.DELIVERED, LogOutcome.OK, result.code(), "gateway",
                    transfer.facts(), transfer.sealedSha256(), "attempt " + attempt));
            metrics.delivery(transfer.channel(), "delivered");
            return false;
        }
        if (result.kind() == PushResult.Kind.RETRYABLE && attempt < max) {
            if (outOfTime) {
                return fail(transfer, result, now, "gave up after attempt " + attempt + " of " + max + ": the time limit of "
                        + limits.giveUpAfter() + " has passed");
            }
            transferLog.append(new LogEntry(transferId, LogEvent.DELIVERY_ATTEMPT_FAILED, LogOutcome.FAILED, result.code(),
                    "gateway", transfer.facts(), transfer.sealedSha256(), "attempt " + attempt + " of " + max));
            metrics.delivery(transfer.channel(), "retry");
            return true;
        }
        return fail(transfer, result, now, "gave up after attempt " + attempt);
    }

    /** Marks the transfer failed and logs why; it is kept, for a resend by hand. Returns false: no retry. */
    private boolean fail(Transfer transfer, PushResult result, Instant now, String detail) {
        transfer.moveTo(TransferStatus.FAILED, now);
        transferLog.append(new LogEntry(transfer.id(), LogEvent.DELIVERY_FAILED, LogOutcome.FAILED, result.code(), "gateway",
                transfer.facts(), transfer.sealedSha256(), detail));
        metrics.delivery(transfer.channel(), "failed");
        log.warn("Delivery of transfer={} failed code={} after {} attempt(s) ({}); kept for resend", transfer.id(), result.code(),
                transfer.deliveryAttempts(), detail);
        return false;
    }

    /** What a push needs, read before it so that no transaction stays open while it runs. */
    private record Pending(String transferId, String recipient, String channel, String address, byte[] sealed,
            boolean urgent) {
    }
}
