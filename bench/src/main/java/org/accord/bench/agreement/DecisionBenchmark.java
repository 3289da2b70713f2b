package org.accord.bench.agreement;

import java.util.concurrent.TimeUnit;

import org.accord.gateway.agreement.AgreementCatalogue;
import org.accord.gateway.agreement.Decision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/** {@link AgreementCatalogue#decide} over a catalogue of 1,000 agreements: one permit and two kinds of denial. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class DecisionBenchmark {

    @Benchmark
    public Decision permit(LargeCatalogue catalogue) {
        return catalogue.catalogue.decide(catalogue.permitted);
    }

    @Benchmark
    public Decision denyPurposeNotCovered(LargeCatalogue catalogue) {
        return catalogue.catalogue.decide(catalogue.wrongPurpose);
    }

    @Benchmark
    public Decision denyRecipientNotParty(LargeCatalogue catalogue) {
        return catalogue.catalogue.decide(catalogue.recipientNotParty);
    }
}
