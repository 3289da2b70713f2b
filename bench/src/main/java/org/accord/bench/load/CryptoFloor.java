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

/** A bare CMS seal of a 4 KB record with EC P-256 keys, on one and two threads: the floor the gateway is compared with. */
record CryptoFloor(double oneThread, double twoThreads) {

    static CryptoFloor measure(Path dir, Duration each) throws InterruptedException {
        DemoPki pki = DemoPki.ensure(dir, List.of("partner"), KeyAlgorithm.EC_P256, Clock.systemUTC());
        CmsSealer sealer = new CmsSealer(pki.gatewayKey(), List.of(pki.gatewayCertificate(), pki.caCertificate()));
        byte[] record = new byte[4096];
        new SecureRandom().nextBytes(record);
        run(sealer, pki, record, 1, Duration.ofSeconds(2));
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
