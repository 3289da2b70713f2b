package org.accord.gateway.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PreDestroy;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    /**
     * Sends a sweep's transfers, one sweep at a time and none waiting: the sweep (at start, on the main thread; later,
     * on a scheduler thread) must not be held by a broker that is away, and while one sweep is held the next is
     * skipped.
     */
    private final BoundedSends sender;

    DeliveryRelay(TransferRepository transfers, ProducerTemplate producer, DeliveryProperties properties, Clock clock) {
        this.transfers = transfers;
        this.producer = producer;
        this.properties = properties;
        this.clock = clock;
        this.sender = new BoundedSends("accord-relay-sender", 1, 0, properties.handoverWait());
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
        Set<String> urgent = transfers.findUrgentAmong(stuck);
        BoundedSends.Attempt<Void> sweep = sender.run(() -> {
            for (String id : stuck) {
                producer.sendBodyAndHeader(DeliveryRoutes.HANDOVER, id, DeliveryRoutes.PRIORITY,
                        DeliveryRoutes.priority(urgent.contains(id)));
            }
            log.info("Delivery relay re-queued {} transfer(s) committed but not queued", stuck.size());
            return null;
        });
        if (!sweep.done()) {
            log.warn("Delivery relay sweep of {} transfer(s) not done ({}); a held sweep goes on, the next tries again",
                    stuck.size(), sweep.unfinished());
        }
    }

    @PreDestroy
    void stop() {
        sender.close();
    }
}
