package org.accord.bench.crypto;

import java.util.concurrent.TimeUnit;

import org.accord.gateway.crypto.OpenedMessage;
import org.accord.gateway.crypto.SealedMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Accord's sealing and opening of a 4 KB record: sign (CMS SignedData with the transfer id attribute), then
 * encrypt (AES-256-GCM AuthEnvelopedData with ECDH or RSA-OAEP key management); and the reverse with the
 * strict checks. Subclasses fix the thread count so one run reports both.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class CmsBenchmark {

    @Benchmark
    public SealedMessage seal(SealingParties parties) {
        return parties.sealer.seal(parties.record, SealingParties.TRANSFER_ID, parties.partnerCertificate);
    }

    @Benchmark
    public OpenedMessage open(SealingParties parties) {
        return parties.opener.open(parties.sealed, parties.partnerKey, parties.partnerCertificate,
                parties.trustAnchors, parties.clock);
    }
}
