package org.accord.gateway.outbound;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most a given number of callers inside at once; the others wait their turn, first come first served. With no
 * bound (zero) every caller goes straight in.
 */
final class Turns {

    private final Semaphore permits;

    /** @param bound callers inside at once, or 0 for no bound */
    Turns(int bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("A bound of callers at once is 0 (none) or more, not " + bound);
        }
        this.permits = bound > 0 ? new Semaphore(bound, true) : null;
    }

    <T> T run(Supplier<T> work) {
        if (permits == null) {
            return work.get();
        }
        permits.acquireUninterruptibly();
        try {
            return work.get();
        }
        finally {
            permits.release();
        }
    }

    /** Callers waiting for their turn now. */
    int waiting() {
        return permits == null ? 0 : permits.getQueueLength();
    }
}
