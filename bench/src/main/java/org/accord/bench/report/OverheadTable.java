package org.accord.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How far sealing and opening are from the cryptography they cannot avoid. For each operation the floor is the
 * primitives it must perform, one after the other: sealing signs and wraps the content key (ephemeral ECDH or
 * RSA-OAEP); opening unwraps it and verifies two signatures (the message's and the CA's on the signer
 * certificate). Floor ops/s = 1 / (sum of the primitives' seconds per op).
 */
final class OverheadTable {

    private record Step(String method, int times) {
    }

    private record Operation(String method, String algorithm, List<Step> floor) {
    }

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("seal", "EC_P256", List.of(new Step("ecdsaP256Sign", 1), new Step("ecdhP256EphemeralAgree", 1))),
            new Operation("open", "EC_P256", List.of(new Step("ecdhP256StaticAgree", 1), new Step("ecdsaP256Verify", 2))),
            new Operation("seal", "RSA_3072", List.of(new Step("rsa3072Sign", 1), new Step("rsa3072OaepEncrypt", 1))),
            new Operation("open", "RSA_3072", List.of(new Step("rsa3072OaepDecrypt", 1), new Step("rsa3072Verify", 2))));

    private OverheadTable() {
    }

    static String render(List<Measurement> measurements) {
        StringBuilder md = new StringBuilder("\n## Overhead over the crypto floor\n\n")
                .append("`op / slowest` is the operation's ops/s divided by its slowest primitive's ops/s; ")
                .append("`floor` combines every primitive the operation needs (see bench/README.md); ")
                .append("`× floor` is how many times longer the operation takes than its floor; ")
                .append("`Accord µs` is the per-operation time (one thread) left after the floor; ")
                .append("a floor above the operation's own throughput means the load changed between the runs, not that ")
                .append("Accord beats the cryptography (shown as `noise`). `B/op` and `floor B/op` compare allocation, ")
                .append("which contention does not disturb.\n\n")
                .append("| operation | threads | ops/s | slowest primitive | its ops/s | op / slowest | floor ops/s | × floor | Accord µs | B/op | floor B/op |\n")
                .append("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        boolean any = false;
        for (int threads : new int[] {1, 2}) {
            for (Operation operation : OPERATIONS) {
                Optional<Measurement> op = measurements.stream()
                        .filter(m -> m.is(operation.method(), threads) && m.params().contains("algorithm=" + operation.algorithm()))
                        .findFirst();
                if (op.isEmpty()) {
                    continue;
                }
                double floorSeconds = 0;
                double floorBytes = 0;
                Measurement slowest = null;
                boolean complete = true;
                for (Step step : operation.floor()) {
                    Optional<Measurement> primitive = measurements.stream().filter(m -> m.is(step.method(), threads)).findFirst();
                    if (primitive.isEmpty()) {
                        complete = false;
                        break;
                    }
                    floorSeconds += step.times() / primitive.get().opsPerSecond();
                    floorBytes += step.times() * primitive.get().bytesPerOp();
                    if (slowest == null || primitive.get().opsPerSecond() < slowest.opsPerSecond()) {
                        slowest = primitive.get();
                    }
                }
                if (!complete) {
                    continue;
                }
                any = true;
                double ops = op.get().opsPerSecond();
                double floorOps = 1 / floorSeconds;
                double accordMicros = threads * (1 / ops - floorSeconds) * 1_000_000;
                md.append("| ").append(operation.method()).append(' ').append(operation.algorithm())
                        .append(" | ").append(threads)
                        .append(" | ").append(ResultsReport.number(ops))
                        .append(" | ").append(slowest.benchmark().substring(slowest.benchmark().lastIndexOf('.') + 1))
                        .append(" | ").append(ResultsReport.number(slowest.opsPerSecond()))
                        .append(" | ").append(String.format(Locale.ROOT, "%.2f", ops / slowest.opsPerSecond()))
                        .append(" | ").append(ResultsReport.number(floorOps))
                        .append(" | ").append(String.format(Locale.ROOT, "%.2f", floorOps / ops))
                        .append(" | ").append(accordMicros < 0 ? "noise" : String.format(Locale.ROOT, "%.0f", accordMicros))
                        .append(" | ").append(ResultsReport.number(op.get().bytesPerOp()))
                        .append(" | ").append(ResultsReport.number(floorBytes))
                        .append(" |\n");
            }
        }
        if (!any) {
            md.append("| (no seal/open results with their primitives in this run) | | | | | | | | | | |\n");
        }
        return md.toString();
    }
}
