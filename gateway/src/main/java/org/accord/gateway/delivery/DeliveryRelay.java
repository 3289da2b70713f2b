package org.accord.gateway.delivery;

import java.time.Clock;
import java.util.List;

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
 */
@Component
class DeliveryRelay {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRelay.class);
    private static final int BATCH = 200;

    private final TransferRepository transfers;
    private final ProducerTemplate producer;
    private final DeliveryProperties properties;
    private final Clock clock;

    DeliveryRelay(TransferRepository transfers, ProducerTemplate producer, DeliveryProperties properties, Clock clock) {
        this.transfers = transfers;
        this.producer = producer;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        relay();
    }

    @Scheduled(fixedDelayString = "${accord.delivery.relay-every:PT15S}", initialDelayString = "${accord.delivery.relay-every:PT15S}")
    void relay() {
        List<String> stuck = transfers.findIdsStuckIn(TransferStatus.SEALED, clock.instant().minus(properties.relayAfter()),
                PageRequest.of(0, BATCH));
        for (String id : stuck) {
            producer.sendBody(DeliveryRoutes.HANDOVER, id);
        }
        if (!stuck.isEmpty()) {
            log.info("Delivery relay re-queued {} transfer(s) committed but not queued", stuck.size());
        }
    }
}
