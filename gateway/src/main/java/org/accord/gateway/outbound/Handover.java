package org.accord.gateway.outbound;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.accord.gateway.delivery.DeliveryRoutes;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands a committed transfer to the delivery queue for its submit, waiting at most
 * {@code accord.delivery.handover-wait}. The transfer is already durable, and the relay queues any committed
 * transfer still {@code SEALED}, so the submit never has to wait for the broker: a broker that is away can hold
 * a send far longer than any per-call timeout (the Artemis client holds a new session until its reconnection
 * ends), and request threads held behind it would stop the gateway answering at all. The send runs on a bounded
 * pool of its own; when it has not finished within the wait, or the pool is full, the submit is answered
 * {@code SEALED}. A send that finishes later still records the hand-over ({@code QUEUED} moves the status on
 * only from {@code SEALED}); a transfer then queued twice, by it and by the relay, is delivered once.
 */
@Component
final class Handover implements DisposableBean {

    /** Sends at once: the hand-over is a durable send of a transfer id, a few milliseconds on a healthy broker. */
    static final int SENDERS = 16;
    /** Hand-overs waiting for a sender before new ones are answered {@code SEALED} at once. */
    static final int WAITING = 1000;

    private final ProducerTemplate producer;
    private final TransferStore store;
    private final long waitMillis;
    private final ThreadPoolExecutor senders;

    Handover(ProducerTemplate producer, TransferStore store, @Value("${accord.delivery.handover-wait:PT2S}") Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("accord.delivery.handover-wait must be positive");
        }
        this.producer = producer;
        this.store = store;
        this.waitMillis = wait.toMillis();
        AtomicInteger threads = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(SENDERS, SENDERS, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(WAITING), runnable -> {
            Thread thread = new Thread(runnable, "accord-handover-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.senders.allowCoreThreadTimeOut(true);
    }

    /** Queues the transfer at its priority and answers {@code QUEUED}, or answers {@code SEALED} and leaves it to the relay. */
    SubmissionOutcome.Accepted handOver(String transferId, boolean urgent) {
        Future<SubmissionOutcome.Accepted> sent;
        try {
            sent = senders.submit(() -> {
                producer.sendBodyAndHeader(DeliveryRoutes.HANDOVER, transferId, DeliveryRoutes.PRIORITY, DeliveryRoutes.priority(urgent));
                return producer.requestBody(OutboundRoutes.QUEUED, transferId, SubmissionOutcome.Accepted.class);
            });
        }
        catch (RejectedExecutionException full) {
            return store.acceptedPendingHandover(transferId, "every sender is busy");
        }
        try {
            return sent.get(waitMillis, TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException slow) {
            return store.acceptedPendingHandover(transferId, "the broker did not answer in time");
        }
        catch (ExecutionException failed) {
            return store.acceptedPendingHandover(transferId, "the broker did not take it");
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return store.acceptedPendingHandover(transferId, "interrupted");
        }
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
