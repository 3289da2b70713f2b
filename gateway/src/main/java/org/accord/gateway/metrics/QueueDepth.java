package org.accord.gateway.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Gauges of transfers waiting at each lifecycle status: awaiting delivery, and waiting in mailboxes. Each is a
 * count over the transfers, which costs more the longer the backlog, so it is taken at most once per
 * {@link #RECOUNT_EVERY} however often the metrics are scraped.
 */
@Component
final class QueueDepth implements InitializingBean {

    static final Duration RECOUNT_EVERY = Duration.ofSeconds(15);

    private final MeterRegistry registry;
    private final TransferRepository transfers;
    private final Clock clock;
    /** Held here: a gauge keeps only a weak reference to what it reads. */
    private final List<Waiting> waiting = new ArrayList<>();

    QueueDepth(MeterRegistry registry, TransferRepository transfers, Clock clock) {
        this.registry = registry;
        this.transfers = transfers;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        for (TransferStatus status : EnumSet.of(TransferStatus.SEALED, TransferStatus.QUEUED,
                TransferStatus.AVAILABLE, TransferStatus.DOWNLOADED, TransferStatus.FAILED)) {
            Waiting counted = new Waiting(status);
            waiting.add(counted);
            Gauge.builder("accord.transfers.waiting", counted, Waiting::count)
                    .description("Transfers waiting for delivery, in mailboxes, or failed").tag("status", status.name())
                    .register(registry);
        }
    }

    /** The last count of one status and when it was taken. */
    private final class Waiting {

        private final TransferStatus status;
        private long count;
        private Instant countedAt;

        Waiting(TransferStatus status) {
            this.status = status;
        }

        synchronized double count() {
            Instant now = clock.instant();
            if (countedAt == null || !now.isBefore(countedAt.plus(RECOUNT_EVERY))) {
                count = transfers.countByStatus(status);
                countedAt = now;
            }
            return count;
        }
    }
}
