package org.accord.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.uuid.Generators;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Token buckets (Bucket4j) per OAuth2 client and per source address, in this gateway's memory: with several gateways
 * behind a load balancer each keeps its own, so a client may reach up to the limit at each. A refusal is logged, and
 * recorded in the transfer log, once per bucket per minute, with how many requests were refused since the last time.
 */
public final class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    /** A bucket refuses at most one log line a minute. */
    static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final RateLimitProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Cache<String, Limited> buckets;

    public RateLimits(RateLimitProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        // Buckets nobody has used for ten minutes are full again; forgetting them bounds the memory a flood of
        // source addresses can take.
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10))
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** Takes one request from client {@code clientId}'s bucket; empty if allowed, else how long to wait. */
    public Optional<Duration> takeForClient(String clientId, String organisation) {
        return take("client:" + clientId, properties.of(clientId), clientId, organisation, "API request over the client's rate limit");
    }

    /** Takes one token request from source address {@code address}'s bucket; empty if allowed, else how long to wait. */
    public Optional<Duration> takeForAddress(String address) {
        return take("address:" + address, properties.defaults(), "address:" + address, null,
                "token requests over the source address's rate limit");
    }

    private Optional<Duration> take(String key, RateLimitProperties.Limit limit, String actor, String organisation, String detail) {
        Limited limited = buckets.get(key, k -> new Limited(bucket(limit)));
        ConsumptionProbe probe = limited.bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        limited.refused.incrementAndGet();
        long now = clock.millis();
        long last = limited.lastLogged.get();
        if (now - last >= LOG_EVERY.toMillis() && limited.lastLogged.compareAndSet(last, now)) {
            long refused = limited.refused.getAndSet(0);
            String refusalId = Generators.timeBasedEpochGenerator().generate().toString();
            log.warn("Refused requests code=RATE_LIMITED actor={} refused={} refusal={} limit={}/s burst={}", actor, refused,
                    refusalId, limit.requestsPerSecond(), limit.burst());
            events.publishEvent(new RequestRefused(refusalId, "RATE_LIMITED", actor, organisation,
                    detail + ": " + refused + " refused since the last entry (logged at most once a minute)"));
        }
        return Optional.of(wait);
    }

    private Bucket bucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .withCustomTimePrecision(new ClockTimeMeter(clock))
                .build();
    }

    /** A bucket and the refusals it has not logged yet. */
    private static final class Limited {

        final Bucket bucket;
        final AtomicLong refused = new AtomicLong();
        final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE / 2);

        Limited(Bucket bucket) {
            this.bucket = bucket;
        }
    }

    /** Bucket4j's time from the gateway's clock, so tests can move it. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
