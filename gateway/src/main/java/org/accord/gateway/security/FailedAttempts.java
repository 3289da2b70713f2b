package org.accord.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.uuid.Generators;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Failed attempts to prove who one is, per name (a console user name, an OAuth2 client id): after
 * {@code slow-after} failures in a row each next attempt must wait, the wait doubling from {@code first-delay};
 * after {@code lock-after} failures the name is locked for {@code lock-for}. An attempt made while it must wait is
 * refused without being tried, so guessing goes no faster than the waits allow. A success forgets the failures.
 * Every failure is logged; a lock is logged and recorded in the transfer log. Kept in this gateway's memory.
 */
public final class FailedAttempts {

    private static final Logger log = LoggerFactory.getLogger(FailedAttempts.class);

    private final LockoutProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Cache<String, State> failures;

    public FailedAttempts(LockoutProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(properties.lockFor().multipliedBy(2))
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** How long {@code name} must still wait before its next attempt may be tried; empty if it may try now. */
    public Optional<Duration> waitBefore(String name) {
        State state = failures.getIfPresent(name);
        if (state == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(clock.instant(), state.notBefore());
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Logs an attempt refused untried because its name had to wait; {@code actor} is what the logs may show of it. */
    public void refusedWhileWaiting(String actor, String kind) {
        log.info("Refused {} code=LOCKED_OUT actor={} (must wait)", kind, actor);
    }

    /** Records a failed attempt by {@code name}; {@code actor} is what the logs may show of it. */
    public void failed(String name, String actor, String kind) {
        Instant now = clock.instant();
        State state = failures.asMap().compute(name, (k, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            return new State(count, now.plus(waitAfter(count)));
        });
        if (state.count() >= properties.lockAfter()) {
            String refusalId = Generators.timeBasedEpochGenerator().generate().toString();
            log.warn("Locked after failed {} code=LOCKED_OUT actor={} failures={} for={} refusal={}", kind, actor, state.count(),
                    properties.lockFor(), refusalId);
            events.publishEvent(new RequestRefused(refusalId, "LOCKED_OUT", actor, null,
                    kind + ": locked for " + properties.lockFor() + " after " + state.count() + " failures in a row"));
        }
        else {
            log.info("Failed {} actor={} failures={} wait={}", kind, actor, state.count(), waitAfter(state.count()));
        }
    }

    /** Forgets {@code name}'s failures after it proved who it is. */
    public void succeeded(String name) {
        failures.invalidate(name);
    }

    /** The wait imposed after {@code count} failures in a row. */
    Duration waitAfter(int count) {
        if (count >= properties.lockAfter()) {
            return properties.lockFor();
        }
        if (count < properties.slowAfter()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - properties.slowAfter(), 30);
        Duration wait = properties.firstDelay().multipliedBy(1L << doublings);
        return wait.compareTo(properties.lockFor()) > 0 ? properties.lockFor() : wait;
    }

    private record State(int count, Instant notBefore) {
    }
}
