package org.accord.gateway.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-queues transfers that were committed but whose hand-over to the delivery queue did not happen (a crash
 * between the database commit and the queue send). Runs at start and then periodically; delivery is
 * idempotent, so a transfer queued twice is delivered once.
 * <p>
 * Gateways sharing a database sweep one at a time, about once per interval between them: a sweep holds the
 * cluster lock for just under the interval, so this gateway's next sweep finds it free and other gateways' sweeps
 * in between are skipped (a relayed transfer stays {@code SEALED} until a consumer takes it from the queue, and
 * each of their sweeps would queue it again). A gateway that dies mid-sweep holds the lock one interval at most;
 * a sweep that outlasts that may overlap another, which is harmless.
 */
@Component
class DeliveryRelay {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRelay.class);
    private static final int BATCH = 200;
    private static final String LOCK = "delivery-relay";
    private static final String EVERY = "${accord.delivery.relay-every:PT15S}";
    // Nine tenths of the interval, in milliseconds; the interval read as @Scheduled reads it.
    private static final String JUST_UNDER_EVERY = "#{T(org.springframework.format.datetime.standard.DurationFormatterUtils)"
            + ".detectAndParse('" + EVERY + "').toMillis() * 9 / 10}";

    private final TransferRepository transfers;
    private final ProducerTemplate producer;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final long waitMillis;
    /**
     * Sends a sweep's transfers, one sweep at a time and none waiting: a broker that is away can hold a send for as
     * long as its client reconnects, and the sweep (at start, on the main thread; later, on a scheduler thread)
     * must not be held with it.
     */
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new SynchronousQueue<>(), runnable -> {
        Thread thread = new Thread(runnable, "accord-relay-sender");
        thread.setDaemon(true);
        return thread;
    }, new ThreadPoolExecutor.AbortPolicy());

    DeliveryRelay(TransferRepository transfers, ProducerTemplate producer, DeliveryProperties properties, Clock clock,
            @Value("${accord.delivery.handover-wait:PT2S}") Duration wait) {
        this.transfers = transfers;
        this.producer = producer;
        this.properties = properties;
        this.clock = clock;
        this.waitMillis = wait.toMillis();
        this.sender.allowCoreThreadTimeOut(true);
    }

    @EventListener(ApplicationReadyEvent.class)
    @SchedulerLock(name = LOCK, lockAtMostFor = EVERY, lockAtLeastFor = JUST_UNDER_EVERY)
    void atStart() {
        relay();
    }

    @Scheduled(fixedDelayString = EVERY, initialDelayString = EVERY)
    @SchedulerLock(name = LOCK, lockAtMostFor = EVERY, lockAtLeastFor = JUST_UNDER_EVERY)
    void relay() {
        List<String> stuck = transfers.findIdsStuckIn(TransferStatus.SEALED, clock.instant().minus(properties.relayAfter()),
                PageRequest.of(0, BATCH));
        if (stuck.isEmpty()) {
            return;
        }
        java.util.Set<String> urgent = transfers.findUrgentAmong(stuck);
        Future<?> sweep;
        try {
            sweep = sender.submit(() -> {
                for (String id : stuck) {
                    producer.sendBodyAndHeader(DeliveryRoutes.HANDOVER, id, DeliveryRoutes.PRIORITY,
                            DeliveryRoutes.priority(urgent.contains(id)));
                }
                log.info("Delivery relay re-queued {} transfer(s) committed but not queued", stuck.size());
            });
        }
        catch (RejectedExecutionException busy) {
            log.warn("Delivery relay skipped a sweep of {} transfer(s): the last sweep is still waiting on the broker", stuck.size());
            return;
        }
        try {
            sweep.get(waitMillis, TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException slow) {
            log.warn("Delivery relay sweep of {} transfer(s) still waiting on the broker; it goes on, and later sweeps wait for it",
                    stuck.size());
        }
        catch (ExecutionException failed) {
            log.warn("Delivery relay could not queue {} transfer(s) ({}); the next sweep tries again", stuck.size(),
                    failed.getCause().getClass().getSimpleName());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}
