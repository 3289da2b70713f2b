package org.accord.bench.load;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.KeyAlgorithm;

/**
 * A bare CMS seal of a 4 KB record with EC P-256 keys, on one and two threads: the floor the gateway is compared with.
 * The seal takes the JIT compiler over ten seconds to reach its speed (a JMH run on 2 threads went 1,630, 3,080,
 * 3,910, 3,380, 4,040, 4,950, 5,010/s in rounds of 2 s), so it is warmed up in rounds of {@link #WARMUP_ROUND}
 * until a round is less than {@link #SETTLED_GAIN} faster than the one before, for at most {@link #WARMUP_AT_MOST}:
 * a floor measured cold would flatter the gateway, which has been warmed up for minutes.
 */
record CryptoFloor(double oneThread, double twoThreads) {

    private static final Duration WARMUP_ROUND = Duration.ofSeconds(2);
    private static final double SETTLED_GAIN = 0.03;
    private static final Duration WARMUP_AT_MOST = Duration.ofSeconds(30);

    static CryptoFloor measure(Path dir, Duration each) throws InterruptedException {
        DemoPki pki = DemoPki.ensure(dir, List.of("partner"), KeyAlgorithm.EC_P256, Clock.systemUTC());
        CmsSealer sealer = new CmsSealer(pki.gatewayKey(), List.of(pki.gatewayCertificate(), pki.caCertificate()));
        byte[] record = new byte[4096];
        new SecureRandom().nextBytes(record);
        long warmUpEnd = System.nanoTime() + WARMUP_AT_MOST.toNanos();
        double previous = 0;
        while (System.nanoTime() < warmUpEnd) {
            double rate = run(sealer, pki, record, 2, WARMUP_ROUND);
            if (rate < previous * (1 + SETTLED_GAIN)) {
                break;
            }
            previous = rate;
        }
        return new CryptoFloor(run(sealer, pki, record, 1, each), run(sealer, pki, record, 2, each));
    }

    private static double run(CmsSealer sealer, DemoPki pki, byte[] record, int threads, Duration each) throws InterruptedException {
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + each.toNanos();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    sealer.seal(record, "floor", pki.partnerCertificate("partner"));
                    count.incrementAndGet();
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return count.get() / (each.toNanos() / 1e9);
    }
}
