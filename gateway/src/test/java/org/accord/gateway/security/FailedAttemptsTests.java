package org.accord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.accord.gateway.support.StoppedClock;
import org.junit.jupiter.api.Test;

class FailedAttemptsTests {

    private final StoppedClock clock = new StoppedClock(Instant.parse("2026-12-04T09:00:00Z"));
    private final List<Object> events = new ArrayList<>();
    private final FailedAttempts attempts = new FailedAttempts(
            new LockoutProperties(3, Duration.ofSeconds(1), 6, Duration.ofMinutes(15)), clock, events::add);

    @Test
    void whenFewerFailuresThanSlowAfterThenTheNextAttemptNeedNotWait() {
        attempts.failed("uni", "uni", "client authentication");
        attempts.failed("uni", "uni", "client authentication");

        assertThat(attempts.waitBefore("uni")).isEmpty();
    }

    @Test
    void whenFailuresReachSlowAfterThenEachNextAttemptWaitsLongerUntilTheNameIsLocked() {
        for (int i = 0; i < 3; i++) {
            attempts.failed("uni", "uni", "client authentication");
        }
        assertThat(attempts.waitBefore("uni")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempts.waitBefore("uni")).isEmpty();

        attempts.failed("uni", "uni", "client authentication");
        assertThat(attempts.waitBefore("uni")).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        attempts.failed("uni", "uni", "client authentication");
        assertThat(attempts.waitBefore("uni")).contains(Duration.ofSeconds(4));
        assertThat(events).isEmpty();

        clock.advance(Duration.ofSeconds(4));
        attempts.failed("uni", "uni", "client authentication");

        assertThat(attempts.waitBefore("uni")).contains(Duration.ofMinutes(15));
        assertThat(events).singleElement().satisfies(e -> {
            RequestRefused locked = (RequestRefused) e;
            assertThat(locked.code()).isEqualTo("LOCKED_OUT");
            assertThat(locked.actor()).isEqualTo("uni");
        });
        assertThat(attempts.waitBefore("police")).isEmpty();
    }

    @Test
    void whenTheLockEndsThenOneMoreFailureLocksAgainAndASuccessForgetsEverything() {
        for (int i = 0; i < 6; i++) {
            attempts.failed("uni", "uni", "client authentication");
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(attempts.waitBefore("uni")).isEmpty();

        attempts.failed("uni", "uni", "client authentication");
        assertThat(attempts.waitBefore("uni")).contains(Duration.ofMinutes(15));

        clock.advance(Duration.ofMinutes(15));
        attempts.succeeded("uni");
        attempts.failed("uni", "uni", "client authentication");
        assertThat(attempts.waitBefore("uni")).isEmpty();
    }
}
