package org.accord.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;

/**
 * Samples the gateway processes (summed over them): CPU time used and peak resident memory from {@code /proc}, and peak heap in use from
 * its metrics every {@link #HEAP_EVERY_MILLIS} (a Prometheus scrape of every histogram is itself a load on the
 * gateway under test, so it is not asked every second). {@code -Daccord.bench.heapEveryMillis=0} reads no metrics
 * during the period, to see what the reads themselves cost the gateway; the peak heap is then not reported.
 */
final class ProcessSampler {

    static final long HEAP_EVERY_MILLIS = Long.getLong("accord.bench.heapEveryMillis", 5000);

    private final long[] pids;
    private final DoubleSupplier heap;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final Duration cpuAtStart;
    private final long startNanos = System.nanoTime();
    private volatile double peakHeap;

    private ProcessSampler(long[] pids, DoubleSupplier heap) {
        this.pids = pids.clone();
        this.heap = heap;
        this.cpuAtStart = cpu(this.pids);
        this.thread = new Thread(this::sample, "process-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    static ProcessSampler start(long[] pids, DoubleSupplier heap) {
        return new ProcessSampler(pids, heap);
    }

    private void sample() {
        while (running.get()) {
            if (HEAP_EVERY_MILLIS <= 0) {
                return;
            }
            peakHeap = Math.max(peakHeap, heap.getAsDouble());
            try {
                Thread.sleep(HEAP_EVERY_MILLIS);
            }
            catch (InterruptedException e) {
                return;
            }
        }
    }

    Sample stop() throws InterruptedException {
        running.set(false);
        thread.join(5000);
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double cpuSeconds = (cpu(pids).toNanos() - cpuAtStart.toNanos()) / 1e9;
        long rss = 0;
        for (long pid : pids) {
            rss += Math.max(0, peakRssBytes(pid));
        }
        return new Sample(cpuSeconds, wall, rss, peakHeap);
    }

    private static Duration cpu(long[] pids) {
        Duration total = Duration.ZERO;
        for (long pid : pids) {
            total = total.plus(ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO));
        }
        return total;
    }

    private static long peakRssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU seconds used by the gateway over the sampled wall time; peak resident set and heap in bytes. */
    record Sample(double cpuSeconds, double wallSeconds, long peakRssBytes, double peakHeapBytes) {
    }
}
