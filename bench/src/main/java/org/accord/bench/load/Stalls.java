package org.accord.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The driver's own stalls while it measures, as jHiccup measures a JVM's: a thread asks to sleep 1 ms again and again
 * and records by how much each sleep overran. A collector pause, a safepoint or a wait for a core in the driver holds
 * every response in flight as long, and adds as much to the latencies it reports, though the gateway answered in
 * time. Read beside the submit latencies: a tail no longer than the driver's stalls may be the driver's.
 */
final class Stalls {

    private static final long SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long COUNTED_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long maxNanos;
    private long totalNanos;
    private int overTen;

    private Stalls() {
        thread = new Thread(this::run, "driver-stalls");
        thread.setDaemon(true);
    }

    static Stalls watch() {
        Stalls stalls = new Stalls();
        stalls.thread.start();
        return stalls;
    }

    private void run() {
        while (running.get()) {
            long before = System.nanoTime();
            LockSupport.parkNanos(SLEEP_NANOS);
            long over = System.nanoTime() - before - SLEEP_NANOS;
            if (over > COUNTED_NANOS) {
                overTen++;
                totalNanos += over;
            }
            maxNanos = Math.max(maxNanos, over);
        }
    }

    /** Stops watching; what it saw. */
    Summary stop() throws InterruptedException {
        running.set(false);
        thread.join();
        return new Summary(overTen, totalNanos / 1e6, maxNanos / 1e6);
    }

    /** {@code overTenMillis}: stalls longer than 10 ms, {@code overTenTotalMillis} their sum; {@code maxMillis} the longest. */
    record Summary(int overTenMillis, double overTenTotalMillis, double maxMillis) {
    }
}
