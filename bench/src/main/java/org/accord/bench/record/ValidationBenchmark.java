package org.accord.bench.record;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.record.RecordSchemas;
import org.accord.gateway.record.SchemaViolation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/** {@link RecordSchemas#validate} of the example Prevent referral against its JSON Schema. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ValidationBenchmark {

    @Benchmark
    public List<SchemaViolation> validateReferral(ExampleReferral example) {
        return example.schemas.validate(ExampleReferral.RECORD_TYPE, ExampleReferral.VERSION, example.referral);
    }
}
