package org.accord.gateway.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many transfers each recipient has not yet taken, for backpressure. Counting them in the database on every
 * submit costs more the longer the backlog, so below the bound the count is taken at most once per
 * {@code accord.delivery.backlog-recount} per recipient (ten times less often while under half the bound is used),
 * by one caller while the others use the last count, and transfers accepted since are added to it. That estimate runs ahead of the truth by what the recipient took
 * since the count, and behind it only by what other gateways sharing the database accepted in that time; a
 * refusal is always checked against a fresh count.
 */
@Component
class RecipientBacklog {

    private static final int FAR_BELOW_BOUND_FACTOR = 10;

    private final TransferRepository transfers;
    private final Clock clock;
    private final Duration recount;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    RecipientBacklog(TransferRepository transfers, Clock clock,
            @Value("${accord.delivery.backlog-recount:PT1S}") Duration recount) {
        this.transfers = transfers;
        this.clock = clock;
        this.recount = recount;
    }

    /**
     * Whether {@code recipient} has fewer than {@code bound} transfers outstanding. Below the bound the estimate
     * decides; at or above it the transfers are counted again first, so a refusal always rests on an exact count
     * (a recipient that has just collected is not refused on a stale figure).
     */
    boolean below(String recipient, long bound) {
        Count count = counts.computeIfAbsent(recipient, r -> new Count());
        Instant now = clock.instant();
        // The count costs more the longer the backlog; with less than half the bound used, a stale one is no risk.
        Duration every = count.estimate() < bound / 2 ? recount.multipliedBy(FAR_BELOW_BOUND_FACTOR) : recount;
        if (count.stale(now, every) && count.recounting.tryLock()) {
            try {
                recount(recipient, count, now);
            }
            finally {
                count.recounting.unlock();
            }
        }
        if (count.estimate() < bound) {
            return true;
        }
        count.recounting.lock();
        try {
            recount(recipient, count, now);
        }
        finally {
            count.recounting.unlock();
        }
        return count.estimate() < bound;
    }

    private void recount(String recipient, Count count, Instant now) {
        long sinceBefore = count.acceptedSince.get();
        long counted = transfers.countByRecipientAndStatusIn(recipient, TransferStatus.outstanding());
        // Transfers accepted while counting may or may not be in the count: they are kept, erring high.
        count.reset(counted, sinceBefore, now);
    }

    void accepted(String recipient) {
        counts.computeIfAbsent(recipient, r -> new Count()).acceptedSince.incrementAndGet();
    }

    private static final class Count {

        final ReentrantLock recounting = new ReentrantLock();
        final AtomicLong acceptedSince = new AtomicLong();
        volatile long counted;
        volatile Instant countedAt;

        boolean stale(Instant now, Duration recount) {
            Instant at = countedAt;
            return at == null || !now.isBefore(at.plus(recount));
        }

        void reset(long counted, long acceptedBeforeCounting, Instant now) {
            this.counted = counted;
            this.acceptedSince.addAndGet(-acceptedBeforeCounting);
            this.countedAt = now;
        }

        long estimate() {
            return counted + acceptedSince.get();
        }
    }
}
