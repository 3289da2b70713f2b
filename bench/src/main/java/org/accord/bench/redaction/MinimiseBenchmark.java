package org.accord.bench.redaction;

import java.util.concurrent.TimeUnit;

import org.accord.gateway.redaction.MinimisedRecord;
import org.accord.gateway.redaction.Minimiser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/** {@link Minimiser#minimise} of the example referral under the shipped referral agreement's plan. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class MinimiseBenchmark {

    @Benchmark
    public MinimisedRecord minimiseReferral(ShippedReferralPlan shipped) {
        return shipped.minimiser.minimise(shipped.plan, shipped.referral, ShippedReferralPlan.TRANSFER_DATE);
    }
}
