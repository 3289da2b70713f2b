package org.accord.gateway.transfer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: database work from many request threads committed together, in one transaction per batch,
 * by a few writer threads. A caller blocks in {@link #run} until the transaction holding its work has committed,
 * so "returned" still means "durable", but a hundred concurrent submits cost one commit rather than a hundred.
 * <p>
 * One writer leaves the database idle while it waits for its commit to be flushed, and the submits that arrived
 * meanwhile wait a whole flush more: with {@code accord.storage.group-commit-writers} above one, the next group is
 * written while the last one's commit is being flushed (PostgreSQL then flushes concurrent commits together). The
 * work of a group only inserts rows of its own transfers (the log's chain is placed later by the integrator), so
 * concurrent groups do not wait for each other's locks.
 * <p>
 * If a batch fails, its transaction is rolled back and each piece of work is run again in a transaction of its
 * own, so one bad piece (a unique-key clash, say) fails alone and the others commit. Work must therefore
 * change nothing but the database: it may run twice, and only the run that commits counts.
 */
@Component
public class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** Groups this small wait up to the linger for more work; larger ones are committed at once. */
    private static final int LINGER_BELOW = 8;

    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final long linger;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final int writerCount;
    private volatile boolean running;
    private final List<Thread> writers = new ArrayList<>();
    private ExecutorService completer;

    private final DistributionSummary batchSizes;
    private final Counter fallbacks;
    private final Timer writing;

    public GroupCommit(PlatformTransactionManager transactionManager, MeterRegistry meters,
            @Value("${accord.storage.group-commit-max-batch:128}") int maxBatch,
            @Value("${accord.storage.group-commit-linger:PT0S}") Duration linger,
            @Value("${accord.storage.group-commit-writers:2}") int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("accord.storage.group-commit-writers must be at least 1, not " + writers);
        }
        this.transactions = new TransactionTemplate(transactionManager);
        this.writerCount = writers;
        this.maxBatch = maxBatch;
        this.linger = linger.toNanos();
        this.batchSizes = DistributionSummary.builder("accord.group.commit.batch")
                .description("Pieces of work committed together in one group commit").register(meters);
        this.fallbacks = Counter.builder("accord.group.commit.fallbacks")
                .description("Group commits rolled back and retried one piece at a time").register(meters);
        this.writing = Timer.builder("accord.group.commit.transaction")
                .description("Time the writer spends running and committing each group's transaction").register(meters);
        Gauge.builder("accord.group.commit.writers", () -> writers).description("Writer threads committing groups side by side")
                .register(meters);
        Gauge.builder("accord.group.commit.waiting", queue, BlockingQueue::size)
                .description("Pieces of work waiting for the next group commit").register(meters);
    }

    /**
     * Runs {@code work} in a transaction shared with other callers' work and returns its result once that
     * transaction has committed. Whatever {@code work} throws is rethrown here and nothing of it is committed.
     */
    public <T> T run(Supplier<T> work) {
        Task<T> task = new Task<>(work);
        if (!running) {
            runAlone(task);
        }
        else {
            queue.add(task);
            if (!running && queue.remove(task)) {
                // Stopped between the check and the add, and the writer did not take it: run it here.
                runAlone(task);
            }
        }
        return task.await();
    }

    private void writeLoop() {
        List<Task<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Task<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                boolean interrupted = lingerForMore(batch);
                writing.record(() -> commit(batch));
                if (interrupted) {
                    // Only after the commit: an interrupted thread's file channel would be closed under the database.
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            finally {
                batch.clear();
            }
        }
        // Interrupted: what is left is run one by one, so no caller waits for ever.
        Task<?> left;
        while ((left = queue.poll()) != null) {
            runAlone(left);
        }
    }

    /**
     * A commit has a fixed cost (the database's write of its pages) that a group shares: with a {@code linger}
     * set, a small group waits up to it for more work before it is committed, rather than committing one submit at a
     * time at moderate load and paying that cost for each. None is set unless configured: with two writers, work
     * gathers behind the one committing anyway, and a wait on busy cores cost each submit far more than the linger
     * itself (docs/benchmarks.md, "Committing without lingering").
     *
     * @return whether the writer was interrupted while it waited (the group taken so far is still to be committed)
     */
    private boolean lingerForMore(List<Task<?>> batch) {
        if (linger <= 0 || batch.size() >= LINGER_BELOW) {
            return false;
        }
        long deadline = System.nanoTime() + linger;
        try {
            while (batch.size() < LINGER_BELOW) {
                long left = deadline - System.nanoTime();
                Task<?> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    return false;
                }
                batch.add(next);
                queue.drainTo(batch, maxBatch - batch.size());
            }
            return false;
        }
        catch (InterruptedException e) {
            return true;
        }
    }

    private void commit(List<Task<?>> batch) {
        batchSizes.record(batch.size());
        if (batch.size() == 1) {
            runAlone(batch.get(0));
            return;
        }
        Object[] results = new Object[batch.size()];
        try {
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch.size(); i++) {
                    results[i] = batch.get(i).work.get();
                }
            });
        }
        catch (RuntimeException | Error e) {
            fallbacks.increment();
            log.debug("Group commit of {} rolled back ({}); committing each alone", batch.size(), e.getClass().getSimpleName());
            for (Task<?> task : batch) {
                runAlone(task);
            }
            return;
        }
        // Waking a hundred waiting callers is a hundred system calls: another thread does it while this one
        // starts on the next group.
        List<Task<?>> committed = List.copyOf(batch);
        completer.execute(() -> {
            for (int i = 0; i < committed.size(); i++) {
                committed.get(i).completeWith(results[i]);
            }
        });
    }

    private void runAlone(Task<?> task) {
        try {
            task.completeWith(transactions.execute(status -> task.work.get()));
        }
        catch (RuntimeException | Error e) {
            task.result.completeExceptionally(e);
        }
    }

    @Override
    public synchronized void start() {
        completer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "accord-group-commit-completer");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        for (int i = 0; i < writerCount; i++) {
            Thread writer = new Thread(this::writeLoop, "accord-group-commit-" + (i + 1));
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        try {
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            }
            writers.clear();
            completer.shutdown();
            completer.awaitTermination(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server has stopped taking requests, before the data source closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private static final class Task<T> {

        final Supplier<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Task(Supplier<T> work) {
            this.work = work;
        }

        @SuppressWarnings("unchecked")
        void completeWith(Object value) {
            result.complete((T) value);
        }

        T await() {
            try {
                return result.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the commit", e);
            }
            catch (ExecutionException e) {
                throw rethrow(e.getCause());
            }
        }

        private static RuntimeException rethrow(Throwable cause) {
            if (cause instanceof RuntimeException runtime) {
                return runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            return new CompletionException(cause);
        }
    }
}
