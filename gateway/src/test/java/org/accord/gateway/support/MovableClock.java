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
 * A clock a test moves on instead of waiting: it runs with the system clock, plus whatever the test has added.
 * {@link #asGatewayClock()} makes it the gateway's {@code Clock} bean (as the primary one), so that a deadline a
 * day away can be passed at once.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock on by {@code by}; it keeps running from there. */
    public void advance(Duration by) {
        ahead.accumulateAndGet(by, Duration::plus);
    }

    /** For {@code SpringApplicationBuilder.initializers(...)}: the gateway reads the time from this clock. */
    public ApplicationContextInitializer<ConfigurableApplicationContext> asGatewayClock() {
        return context -> ((GenericApplicationContext) context).registerBean("movableClock", Clock.class, () -> this,
                definition -> definition.setPrimary(true));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
