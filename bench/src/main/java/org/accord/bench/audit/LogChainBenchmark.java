package org.accord.bench.audit;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.audit.ChainedEntry;
import org.accord.gateway.audit.LogChain;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@link LogChain#hash} of a SEALED entry as the outbound flow writes it (agreement, the field lists of the
 * example referral's plan, digests): the CPU part of a log append. The database part is measured end to end by
 * the load driver's {@code outbound.store} stage, which includes the group commit.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Benchmark)
public class LogChainBenchmark {

    private final ChainedEntry entry = new ChainedEntry(123_456, UUID.randomUUID().toString(), Instant.parse("2026-11-29T02:00:00.123456Z"),
            UUID.randomUUID().toString(), "SEALED", "OK", null, "gateway", "uni-northbridge/safeguarding-lead", "ctp-nw-prevent",
            "prevent-referral", 1, "prevent-referral-assessment", "isa-northbridge-prevent-referrals", 3, "a".repeat(64),
            "subject.names,subject.dateOfBirth,subject.studentNumber,concern.ideologyCategory,concern.indicators,referrer.role,"
                    + "referrer.contact,university.name,university.campus",
            "concern.summary (scrub:all),subject.ucasPersonalId (mask:last-4),subject.postcode (generalise:district)",
            "subject.religion,subject.ethnicity,subject.health", "b".repeat(64), null, "c".repeat(64), null, "d".repeat(64), null);

    @Benchmark
    public String hashSealedEntry() {
        return LogChain.hash(entry);
    }
}
