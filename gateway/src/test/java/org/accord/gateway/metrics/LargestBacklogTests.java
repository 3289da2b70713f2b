package org.accord.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accord.gateway.support.MovableClock;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LargestBacklogTests {

    private final TransferRepository transfers = mock(TransferRepository.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock();

    /** Held by the test as Spring holds the bean: a gauge keeps only a weak reference, and a collection would empty it. */
    private LargestBacklog backlog;

    @BeforeEach
    void gauges() {
        backlog = new LargestBacklog(registry, transfers, clock, 10_000);
        backlog.afterPropertiesSet();
    }

    @Test
    void whenScrapedThenTheLargestRecipientBacklogAndTheBoundAreGiven() {
        when(transfers.countPerRecipient(TransferStatus.outstanding())).thenReturn(List.of(12L, 8_400L, 3L));

        assertThat(registry.get("accord.recipient.backlog.largest").gauge().value()).isEqualTo(8_400);
        assertThat(registry.get("accord.recipient.backlog.bound").gauge().value()).isEqualTo(10_000);
    }

    @Test
    void whenNoRecipientHasAnythingOutstandingThenTheLargestIsZero() {
        when(transfers.countPerRecipient(TransferStatus.outstanding())).thenReturn(List.of());

        assertThat(registry.get("accord.recipient.backlog.largest").gauge().value()).isZero();
    }

    @Test
    void whenScrapedOftenThenTheBacklogsAreCountedAtMostOncePerRecountPeriod() {
        when(transfers.countPerRecipient(TransferStatus.outstanding())).thenReturn(List.of(5L), List.of(9L));

        assertThat(largest()).isEqualTo(5);
        assertThat(largest()).isEqualTo(5);
        clock.advance(QueueDepth.RECOUNT_EVERY);
        assertThat(largest()).isEqualTo(9);
        verify(transfers, times(2)).countPerRecipient(TransferStatus.outstanding());
    }

    private double largest() {
        return registry.get("accord.recipient.backlog.largest").gauge().value();
    }
}
