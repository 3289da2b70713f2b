package org.accord.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.accord.gateway.transfer.TransferRepository;
import org.junit.jupiter.api.Test;

class RecipientBacklogTests {

    private static final String POLICE = "ctp-nw-prevent";

    private final TransferRepository transfers = mock(TransferRepository.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));
    private final RecipientBacklog backlog = new RecipientBacklog(transfers, clock, Duration.ofSeconds(1), Runnable::run);

    @Test
    void whenWellBelowTheBoundThenOneCountServesManySubmitsAndAcceptedOnesAreAdded() {
        when(transfers.countByRecipientAndStatusIn(eq(POLICE), any())).thenReturn(3L);
        for (int i = 0; i < 5; i++) {
            assertThat(backlog.below(POLICE, 100)).isTrue();
            backlog.accepted(POLICE);
        }
        verify(transfers, times(1)).countByRecipientAndStatusIn(eq(POLICE), any());

        // Under half the bound used: the count is taken again only after ten recount periods.
        clock.advance(Duration.ofSeconds(1));
        assertThat(backlog.below(POLICE, 100)).isTrue();
        verify(transfers, times(1)).countByRecipientAndStatusIn(eq(POLICE), any());
        clock.advance(Duration.ofSeconds(9));
        assertThat(backlog.below(POLICE, 100)).isTrue();
        verify(transfers, times(2)).countByRecipientAndStatusIn(eq(POLICE), any());
    }

    @Test
    void whenOverHalfTheBoundIsUsedThenTheCountIsTakenAgainEachRecountPeriod() {
        when(transfers.countByRecipientAndStatusIn(eq(POLICE), any())).thenReturn(60L);
        assertThat(backlog.below(POLICE, 100)).isTrue();
        assertThat(backlog.below(POLICE, 100)).isTrue();
        verify(transfers, times(1)).countByRecipientAndStatusIn(eq(POLICE), any());

        clock.advance(Duration.ofSeconds(1));
        assertThat(backlog.below(POLICE, 100)).isTrue();
        verify(transfers, times(2)).countByRecipientAndStatusIn(eq(POLICE), any());
    }

    @Test
    void whenTheEstimateReachesTheBoundThenARefusalRestsOnAFreshCount() {
        when(transfers.countByRecipientAndStatusIn(eq(POLICE), any())).thenReturn(0L);
        assertThat(backlog.below(POLICE, 2)).isTrue();
        backlog.accepted(POLICE);
        backlog.accepted(POLICE);

        // Two accepted since the count: the estimate says full, and the database agrees.
        when(transfers.countByRecipientAndStatusIn(eq(POLICE), any())).thenReturn(2L);
        assertThat(backlog.below(POLICE, 2)).isFalse();

        // The recipient collects one: the next submit is accepted at once, without waiting for the recount period.
        when(transfers.countByRecipientAndStatusIn(eq(POLICE), any())).thenReturn(1L);
        assertThat(backlog.below(POLICE, 2)).isTrue();
    }

    @Test
    void whenTheCountIsStaleBelowTheBoundThenItIsTakenInTheBackgroundAndTheSubmitDoesNotWaitForIt() {
        List<Runnable> background = new ArrayList<>();
        RecipientBacklog deferred = new RecipientBacklog(transfers, clock, Duration.ofSeconds(1), background::add);
        when(transfers.countByRecipientAndStatusIn(eq(POLICE), any())).thenReturn(60L);
        assertThat(deferred.below(POLICE, 100)).as("the first answer rests on a count").isTrue();
        verify(transfers, times(1)).countByRecipientAndStatusIn(eq(POLICE), any());

        clock.advance(Duration.ofSeconds(1));
        assertThat(deferred.below(POLICE, 100)).isTrue();
        assertThat(deferred.below(POLICE, 100)).isTrue();
        verify(transfers, times(1)).countByRecipientAndStatusIn(eq(POLICE), any());
        assertThat(background).as("one recount queued, however many submits saw the count stale").hasSize(1);

        when(transfers.countByRecipientAndStatusIn(eq(POLICE), any())).thenReturn(100L);
        background.get(0).run();
        verify(transfers, times(2)).countByRecipientAndStatusIn(eq(POLICE), any());
        assertThat(deferred.below(POLICE, 100)).as("the background count found the bound reached").isFalse();
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
