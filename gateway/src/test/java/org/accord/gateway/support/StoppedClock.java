package org.accord.gateway.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A clock that stands still until a test moves it: rate limits and lockouts measured on it do not depend on how fast
 * the machine runs the test. {@link #asGatewayClock()} makes it the gateway's {@code Clock} bean (the primary one).
 */
public final class StoppedClock extends Clock {

    private final AtomicReference<Instant> now;

    public StoppedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Moves the clock on by {@code by}. */
    public void advance(Duration by) {
        now.accumulateAndGet(Instant.EPOCH.plus(by), (current, step) -> current.plus(Duration.between(Instant.EPOCH, step)));
    }

    /** For {@code SpringApplicationBuilder.initializers(...)}: the gateway reads the time from this clock. */
    public ApplicationContextInitializer<ConfigurableApplicationContext> asGatewayClock() {
        return context -> ((GenericApplicationContext) context).registerBean("stoppedClock", Clock.class, () -> this,
                definition -> definition.setPrimary(true));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
