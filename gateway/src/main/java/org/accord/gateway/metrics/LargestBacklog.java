package org.accord.gateway.metrics;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gauges of how close the recipients are to the backlog bound: {@code accord.recipient.backlog.largest}, the most
 * transfers one recipient has not yet taken (sealed, queued, available or downloaded and not acknowledged), and
 * {@code accord.recipient.backlog.bound}, the bound beyond which submits to a recipient are refused with
 * {@code RECIPIENT_BACKLOG} ({@code accord.delivery.max-outstanding-per-recipient}). The count is taken at most
 * once per {@link QueueDepth#RECOUNT_EVERY}, like the queue depth, however often the metrics are scraped.
 */
@Component
final class LargestBacklog implements InitializingBean {

    private final MeterRegistry registry;
    private final TransferRepository transfers;
    private final Clock clock;
    private final long bound;
    private long largest;
    private Instant countedAt;

    LargestBacklog(MeterRegistry registry, TransferRepository transfers, Clock clock,
            @Value("${accord.delivery.max-outstanding-per-recipient:10000}") long bound) {
        this.registry = registry;
        this.transfers = transfers;
        this.clock = clock;
        this.bound = bound;
    }

    @Override
    public void afterPropertiesSet() {
        Gauge.builder("accord.recipient.backlog.largest", this, LargestBacklog::largest)
                .description("Most transfers one recipient has not yet taken").register(registry);
        Gauge.builder("accord.recipient.backlog.bound", this, backlog -> backlog.bound)
                .description("Transfers a recipient may have outstanding before submits to it are refused").register(registry);
    }

    synchronized double largest() {
        Instant now = clock.instant();
        if (countedAt == null || !now.isBefore(countedAt.plus(QueueDepth.RECOUNT_EVERY))) {
            largest = transfers.countPerRecipient(TransferStatus.outstanding()).stream().mapToLong(Long::longValue).max().orElse(0);
            countedAt = now;
        }
        return largest;
    }
}
