package org.accord.gateway.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many transfers each recipient has not yet taken, for backpressure. Counting them in the database on every
 * submit costs more the longer the backlog, so below the bound the count is taken at most once per
 * {@code accord.delivery.backlog-recount} per recipient (ten times less often while under half the bound is used),
 * in the background while callers use the last count, and transfers accepted since are added to it. That
 * estimate runs ahead of the truth by what the recipient took since the count, and behind it only by what other
 * gateways sharing the database accepted in that time; a refusal is always checked against a fresh count.
 */
@Component
class RecipientBacklog {

    private static final int FAR_BELOW_BOUND_FACTOR = 10;

    private final TransferRepository transfers;
    private final Clock clock;
    private final Duration recount;
    private final Executor recounts;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    @Autowired
    RecipientBacklog(TransferRepository transfers, Clock clock,
            @Value("${accord.delivery.backlog-recount:PT1S}") Duration recount) {
        this(transfers, clock, recount, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "accord-backlog-recount");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** @param recounts where recounts below the bound run, off the submitting thread */
    RecipientBacklog(TransferRepository transfers, Clock clock, Duration recount, Executor recounts) {
        this.transfers = transfers;
        this.clock = clock;
        this.recount = recount;
        this.recounts = recounts;
    }

    /**
     * Whether {@code recipient} has fewer than {@code bound} transfers outstanding. Below the bound the estimate
     * decides, and a stale count is taken again in the background (a count of a long backlog takes a while, and no
     * submit should wait for it); at or above it the transfers are counted again first, so a refusal always rests
     * on an exact count (a recipient that has just collected is not refused on a stale figure). A recipient not
     * counted since start is counted before its first answer.
     */
    boolean below(String recipient, long bound) {
        Count count = counts.computeIfAbsent(recipient, r -> new Count());
        if (count.countedAt == null) {
            recountNow(recipient, count);
        }
        // The count costs more the longer the backlog; with less than half the bound used, a stale one is no risk.
        Duration every = count.estimate() < bound / 2 ? recount.multipliedBy(FAR_BELOW_BOUND_FACTOR) : recount;
        if (count.stale(clock.instant(), every) && count.recountQueued.compareAndSet(false, true)) {
            recounts.execute(() -> {
                try {
                    recountNow(recipient, count);
                }
                finally {
                    count.recountQueued.set(false);
                }
            });
        }
        if (count.estimate() < bound) {
            return true;
        }
        recountNow(recipient, count);
        return count.estimate() < bound;
    }

    private void recountNow(String recipient, Count count) {
        count.recounting.lock();
        try {
            long sinceBefore = count.acceptedSince.get();
            long counted = transfers.countByRecipientAndStatusIn(recipient, TransferStatus.outstanding());
            // Transfers accepted while counting may or may not be in the count: they are kept, erring high.
            count.reset(counted, sinceBefore, clock.instant());
        }
        finally {
            count.recounting.unlock();
        }
    }

    void accepted(String recipient) {
        counts.computeIfAbsent(recipient, r -> new Count()).acceptedSince.incrementAndGet();
    }

    private static final class Count {

        final ReentrantLock recounting = new ReentrantLock();
        final AtomicBoolean recountQueued = new AtomicBoolean();
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
