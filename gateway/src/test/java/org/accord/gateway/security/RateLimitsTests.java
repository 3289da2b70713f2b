package org.accord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.accord.gateway.support.StoppedClock;
import org.junit.jupiter.api.Test;

class RateLimitsTests {

    private final StoppedClock clock = new StoppedClock(Instant.parse("2026-12-04T09:00:00Z"));
    private final List<Object> events = new ArrayList<>();
    private final RateLimits limits = new RateLimits(new RateLimitProperties(new RateLimitProperties.Limit(2, 4),
            Map.of("bulk", new RateLimitProperties.Limit(null, 10))), clock, events::add);

    @Test
    void whenAClientTakesItsBurstThenTheNextRequestWaitsForOneRefill() {
        for (int i = 0; i < 4; i++) {
            assertThat(limits.takeForClient("uni", "uni-northbridge")).isEmpty();
        }

        Optional<Duration> wait = limits.takeForClient("uni", "uni-northbridge");

        assertThat(wait).contains(Duration.ofMillis(500));
    }

    @Test
    void whenTimePassesThenTheBucketRefillsAtTheSustainedRate() {
        for (int i = 0; i < 4; i++) {
            limits.takeForClient("uni", "uni-northbridge");
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(limits.takeForClient("uni", "uni-northbridge")).isEmpty();
        assertThat(limits.takeForClient("uni", "uni-northbridge")).isEmpty();
        assertThat(limits.takeForClient("uni", "uni-northbridge")).isPresent();
    }

    @Test
    void whenOneClientIsOverItsLimitThenAnotherClientAndTheAddressBucketsAreNotAffected() {
        for (int i = 0; i < 5; i++) {
            limits.takeForClient("uni", "uni-northbridge");
        }

        assertThat(limits.takeForClient("police", "ctp-nw-prevent")).isEmpty();
        assertThat(limits.takeForAddress("192.0.2.1")).isEmpty();
    }

    @Test
    void whenAClientHasItsOwnBurstThenItKeepsTheDefaultRateForWhatItLeavesOut() {
        for (int i = 0; i < 10; i++) {
            assertThat(limits.takeForClient("bulk", null)).isEmpty();
        }

        assertThat(limits.takeForClient("bulk", null)).contains(Duration.ofMillis(500));
    }

    @Test
    void whenAClientKeepsGoingOverItsLimitThenTheRefusalIsRecordedOnceAMinuteWithTheCountRefused() {
        for (int i = 0; i < 4 + 50; i++) {
            limits.takeForClient("uni", "uni-northbridge");
        }
        assertThat(events).hasSize(1);
        clock.advance(Duration.ofSeconds(59));
        for (int i = 0; i < 200; i++) {
            limits.takeForClient("uni", "uni-northbridge");
        }
        assertThat(events).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 200; i++) {
            limits.takeForClient("uni", "uni-northbridge");
        }

        assertThat(events).hasSize(2);
        RequestRefused first = (RequestRefused) events.get(0);
        RequestRefused second = (RequestRefused) events.get(1);
        assertThat(first.code()).isEqualTo("RATE_LIMITED");
        assertThat(first.actor()).isEqualTo("uni");
        assertThat(first.organisation()).isEqualTo("uni-northbridge");
        assertThat(first.detail()).contains(": 1 refused");
        assertThat(second.refusalId()).isNotEqualTo(first.refusalId());
        // Since the first entry: 49 refused, then 196 (the bucket holds at most 4 however long it waits), then the
        // first refusal after the minute, which is when the entry is made.
        assertThat(second.detail()).contains(": 246 refused");
    }
}
