package org.accord.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Gauges of transfers waiting at each lifecycle status: awaiting delivery, and waiting in mailboxes. */
@Component
final class QueueDepth implements InitializingBean {

    private final MeterRegistry registry;
    private final TransferRepository transfers;

    QueueDepth(MeterRegistry registry, TransferRepository transfers) {
        this.registry = registry;
        this.transfers = transfers;
    }

    @Override
    public void afterPropertiesSet() {
        for (TransferStatus status : java.util.EnumSet.of(TransferStatus.SEALED, TransferStatus.QUEUED,
                TransferStatus.AVAILABLE, TransferStatus.DOWNLOADED, TransferStatus.FAILED)) {
            Gauge.builder("accord.transfers.waiting", transfers, t -> t.countByStatus(status))
                    .description("Transfers waiting for delivery, in mailboxes, or failed").tag("status", status.name())
                    .register(registry);
        }
    }
}
