package org.accord.gateway.delivery;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends to the gateway's own broker that their caller waits for at most {@code accord.delivery.handover-wait}: a
 * broker that is away can hold a send far longer than any per-call timeout (the Artemis client holds a new session
 * until its reconnection ends), and the caller (a submit, the relay's sweep) must not be held with it. The work
 * runs on threads of its own; work not finished within the wait goes on by itself, and work that finds every
 * thread and waiting place taken is not started.
 */
public final class BoundedSends implements AutoCloseable {

    private final ThreadPoolExecutor senders;
    private final long waitMillis;

    /**
     * @param name the threads' name
     * @param threads how many sends run at once
     * @param waiting how many more may wait for a thread (0: none)
     * @param wait how long a caller waits for its work
     */
    public BoundedSends(String name, int threads, int waiting, Duration wait) {
        BlockingQueue<Runnable> queue = waiting == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(waiting);
        AtomicInteger made = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, queue, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.senders.allowCoreThreadTimeOut(true);
        this.waitMillis = wait.toMillis();
    }

    /** Runs {@code work} and waits for it at most the wait: its result, or why there is none yet. */
    public <T> Attempt<T> run(Callable<T> work) {
        Future<T> running;
        try {
            running = senders.submit(work);
        }
        catch (RejectedExecutionException full) {
            return Attempt.unfinished("every sender is busy");
        }
        try {
            return new Attempt<>(running.get(waitMillis, TimeUnit.MILLISECONDS), null);
        }
        catch (TimeoutException slow) {
            return Attempt.unfinished("the broker did not answer in time");
        }
        catch (ExecutionException failed) {
            return Attempt.unfinished("failed: " + failed.getCause().getClass().getSimpleName());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Attempt.unfinished("interrupted");
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }

    /** A piece of work's result, or, when it did not finish within the wait, why (ids and classes only). */
    public record Attempt<T>(T result, String unfinished) {

        static <T> Attempt<T> unfinished(String why) {
            return new Attempt<>(null, why);
        }

        public boolean done() {
            return unfinished == null;
        }
    }
}
