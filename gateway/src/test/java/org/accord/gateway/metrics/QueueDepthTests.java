package org.accord.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accord.gateway.support.MovableClock;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.junit.jupiter.api.Test;

class QueueDepthTests {

    private final TransferRepository transfers = mock(TransferRepository.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final MovableClock clock = new MovableClock();

    /** Held by the test as Spring holds the bean: a gauge keeps only a weak reference, and a collection would empty it. */
    private QueueDepth depth;

    @Test
    void whenScrapedOftenThenEachStatusIsCountedAtMostOncePerRecountPeriod() {
        when(transfers.countByStatus(TransferStatus.AVAILABLE)).thenReturn(7L, 9L);
        depth = new QueueDepth(registry, transfers, clock);
        depth.afterPropertiesSet();

        assertThat(available()).isEqualTo(7);
        assertThat(available()).isEqualTo(7);
        verify(transfers, times(1)).countByStatus(TransferStatus.AVAILABLE);
    }

    @Test
    void whenTheRecountPeriodHasPassedThenTheNextScrapeCountsAgain() {
        when(transfers.countByStatus(TransferStatus.AVAILABLE)).thenReturn(7L, 9L);
        depth = new QueueDepth(registry, transfers, clock);
        depth.afterPropertiesSet();

        assertThat(available()).isEqualTo(7);
        clock.advance(QueueDepth.RECOUNT_EVERY);
        assertThat(available()).isEqualTo(9);
        verify(transfers, times(2)).countByStatus(TransferStatus.AVAILABLE);
    }

    private double available() {
        return registry.get("accord.transfers.waiting").tag("status", "AVAILABLE").gauge().value();
    }
}
