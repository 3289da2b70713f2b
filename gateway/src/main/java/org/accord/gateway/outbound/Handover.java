package org.accord.gateway.outbound;

import jakarta.annotation.PreDestroy;

import org.accord.gateway.delivery.BoundedSends;
import org.accord.gateway.delivery.DeliveryProperties;
import org.accord.gateway.delivery.DeliveryRoutes;
import org.accord.gateway.transfer.TransferStatus;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a committed transfer to the delivery queue for its submit, waiting at most
 * {@code accord.delivery.handover-wait} ({@link BoundedSends}). The transfer is already durable, and the relay
 * queues any committed transfer still {@code SEALED}, so the submit never has to wait for the broker: request
 * threads held behind a broker that is away would stop the gateway answering at all. When the send has not
 * finished within the wait, or every sender and waiting place is taken, the submit is answered {@code SEALED}. A
 * send that finishes later still records the hand-over ({@code QUEUED} moves the status on only from
 * {@code SEALED}); a transfer then queued twice, by it and by the relay, is delivered once.
 */
@Component
final class Handover {

    private static final Logger log = LoggerFactory.getLogger(Handover.class);

    /** Sends at once: the hand-over is a durable send of a transfer id, a few milliseconds on a healthy broker. */
    static final int SENDERS = 16;
    /** Hand-overs waiting for a sender before new ones are answered {@code SEALED} at once. */
    static final int WAITING = 1000;

    private final ProducerTemplate producer;
    private final BoundedSends senders;

    Handover(ProducerTemplate producer, DeliveryProperties properties) {
        this.producer = producer;
        this.senders = new BoundedSends("accord-handover", SENDERS, WAITING, properties.handoverWait());
    }

    /** Queues the transfer at its priority and answers {@code QUEUED}, or answers {@code SEALED} and leaves it to the relay. */
    SubmissionOutcome.Accepted handOver(String transferId, boolean urgent) {
        BoundedSends.Attempt<SubmissionOutcome.Accepted> sent = senders.run(() -> {
            producer.sendBodyAndHeader(DeliveryRoutes.HANDOVER, transferId, DeliveryRoutes.PRIORITY, DeliveryRoutes.priority(urgent));
            return producer.requestBody(OutboundRoutes.QUEUED, transferId, SubmissionOutcome.Accepted.class);
        });
        if (sent.done()) {
            return sent.result();
        }
        log.warn("Transfer {} stored but not handed over ({}); the relay will queue it", transferId, sent.unfinished());
        return new SubmissionOutcome.Accepted(transferId, TransferStatus.SEALED.name(), false);
    }

    @PreDestroy
    void stop() {
        senders.close();
    }
}
