package org.accord.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One rate of a load run as Markdown; {@link #header} describes the run as a whole. */
record Report(double rate, CryptoFloor floor, LoadDriver.Result result, long delivered, Duration drain,
        ProcessSampler.Sample usage, ProcessSampler.Sample driverUsage, ProcessSampler.Sample databaseUsage, List<Long> deliveryMillis,
        LoadDriver.Stages stages,
        double compiledSeconds, int gateways, String period) {

    /** The run: when, where, the command, the gateway's start-up and the one warm-up before every rate. */
    static String header(LoadDriver.Options options, LoadDriver.Build build, String database, CryptoFloor floor, Duration startup,
            LoadDriver.WarmUp warmUp) {
        StringBuilder out = new StringBuilder();
        out.append("# Accord end-to-end load run: ").append(build.describe()).append("\n\n");
        out.append(String.format(Locale.ROOT, "- date: %s%n- machine: %d cores (%s), Java %s%n- command: `java -cp bench/target/accord-bench.jar "
                + "org.accord.bench.load.LoadDriver --rate %s --seconds %d --concurrency %d --warmup %d --warmup-rate %s%s --gc %s%s%s`%n- gateway: %s, embedded "
                + "defaults (embedded Artemis, demo EC P-256 keys)%s, JVM options %s, started in %.1f s%n- database: %s%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"),
                options.rateNames(","), options.seconds(), options.concurrency(), options.warmupSeconds(),
                LoadDriver.Options.rateName(options.warmupRate()), (options.settleSeconds() > 0 ? " --settle " + options.settleSeconds() : "")
                        + (options.repeat() > 1 ? " --repeat " + options.repeat() : ""),
                options.gc(), options.postgres() ? " --database postgres" : "",
                options.gateways() > 1 ? " --gateways " + options.gateways() : "",
                options.gateways() > 1 ? options.gateways() + " separate processes of " + build.jar() + " sharing the database, submits alternating"
                        : "separate process " + build.jar(),
                (build.arguments().isEmpty() ? "" : " with " + String.join(" ", build.arguments())) + " on " + build.java(),
                String.join(" ", options.gatewayJvmOptions()), startup.toMillis() / 1000.0, database));
        out.append("- driver: this process, on the same cores; blocking HTTP/1.1 (Apache HttpClient), one kept-alive connection per "
                + "worker, --concurrency workers\n");
        out.append(ProcessSampler.HEAP_EVERY_MILLIS > 0
                ? String.format(Locale.ROOT, "- metrics read during each period: the heap in use, every %.0f s%n", ProcessSampler.HEAP_EVERY_MILLIS / 1000.0)
                : "- metrics read during each period: none (-Daccord.bench.heapEveryMillis=0; peak heap not measured)\n");
        out.append(String.format(Locale.ROOT, "- crypto floor, bare CMS seal of 4 KB with EC P-256, measured in this run before the gateway "
                + "started: %.0f /s on 1 thread, %.0f /s on 2%n", floor.oneThread(), floor.twoThreads()));
        out.append(String.format(Locale.ROOT, "- warm-up, once before the rates below: %.0f s at %s, until the gateway's JIT "
                + "compiler used under 5 %% of a round (last round: %.0f %%; at most --warmup seconds)%n", warmUp.took().toMillis() / 1000.0,
                describe(options.warmupRate()),
                100 * warmUp.lastRoundJitShare()));
        if (options.settleSeconds() > 0) {
            out.append(String.format(Locale.ROOT, "- settling: before each rate's first period, %d s at that rate, not measured%n", options.settleSeconds()));
        }
        if (options.repeat() > 1) {
            out.append(String.format(Locale.ROOT, "- periods: %d at each rate, one after another, each measured and reported on its own%n",
                    options.repeat()));
        }
        return out.toString();
    }

    /**
     * After every rate: whether the transfer log (the entries of every gateway of the run) verifies as one chain, and the
     * log integration delay over the whole run (null for a gateway without an integrator).
     */
    static String chain(tools.jackson.databind.JsonNode verify, Duration verifyTook, double[] delays) {
        StringBuilder out = new StringBuilder("\n## The transfer log after the run\n\n");
        out.append(String.format(Locale.ROOT, "- `GET /api/v1/audit/verify`: valid %s, %d entries checked, %d signed checkpoints, answered in %.1f s%n",
                verify.path("valid").asBoolean(), verify.path("entriesChecked").asLong(), verify.path("checkpointsChecked").asLong(),
                verifyTook.toMillis() / 1000.0));
        if (delays == null) {
            out.append("- log integration: none (this gateway chains each entry as it is appended, under the chain head's lock)\n");
        }
        else {
            out.append(String.format(Locale.ROOT, "- log integration delay (written to placed in the chain), whole run including the "
                    + "warm-up: %.0f entries, p50 <= %.0f ms, p99 <= %.0f ms (histogram bucket bounds), max %.0f ms (the gateways' "
                    + "recent maximum)%n", delays[0], delays[1] * 1000, delays[2] * 1000, delays[3] * 1000));
        }
        return out.toString();
    }

    /**
     * The p99 of each of a rate's repeated periods ({@code --repeat}), sorted, with their median: one period's p99
     * follows the machine's speed in that half minute, several show its spread.
     */
    static String repeated(double rate, List<Double> p99s) {
        List<Double> sorted = p99s.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return String.format(Locale.ROOT, "%n## At %s, the %d periods together%n%n- submit latency p99 of each period, lowest first: %s ms%n"
                + "- their median: %.1f ms; periods with a p99 of 50 ms or less: %d of %d%n", describe(rate), n,
                String.join(", ", sorted.stream().map(p -> String.format(Locale.ROOT, "%.1f", p)).toList()), median,
                sorted.stream().filter(p -> p <= 50).count(), n);
    }

    /** {@code 500 referrals/s}, or {@code the highest rate} for 0. */
    private static String describe(double rate) {
        return rate > 0 ? String.format(Locale.ROOT, "%.0f referrals/s", rate) : "the highest rate";
    }

    String markdown() {
        double throughput = result.accepted() / result.seconds();
        double sustained = delivered / (result.seconds() + drain.toMillis() / 1000.0);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n## At %s%s%n%n", describe(rate), period));
        out.append("- load average at the end (1, 5, 15 min): ").append(loadAverage())
                .append(" — it counts this run's own busy threads (up to --concurrency requests at once) as well as any other "
                        + "work; figures taken while other work shares the cores are not the machine's limit\n\n");
        out.append("| figure | value |\n| --- | --- |\n");
        row(out, "submits sent / accepted (202) / errors", "%d / %d / %d", result.sent(), result.accepted(), result.errors());
        row(out, "accepted per second while submitting", "%.0f /s", throughput);
        row(out, "delivered to the mailbox and logged", "%d (all accepted: %s)", delivered, delivered >= result.accepted() ? "yes" : "NO");
        row(out, "sustained (delivered / (submit time + drain))", "%.0f /s", sustained);
        row(out, "drain after the last submit", "%.1f s", drain.toMillis() / 1000.0);
        row(out, "submit latency p50 / p95 / p99 / max", "%.1f / %.1f / %.1f / %.1f ms", result.percentileMillis(50),
                result.percentileMillis(95), result.percentileMillis(99), result.percentileMillis(100));
        row(out, "the slowest 1 % by the second they were sent in (0 = the first, at " + result.began() + ")", "%s",
                slowest(result.slowestPerSecond()));
        row(out, "the driver's own stalls (a 1 ms sleep overrunning): over 10 ms / their sum / the longest", "%d / %.0f ms / %.1f ms",
                result.driverStalls().overTenMillis(), result.driverStalls().overTenTotalMillis(), result.driverStalls().maxMillis());
        row(out, "delivery latency (RECEIVED to MADE_AVAILABLE) p50 / p95 / max, sample of " + deliveryMillis.size(), "%s / %s / %s ms",
                pct(50), pct(95), pct(100));
        row(out, "gateway CPU", "%.1f s over %.1f s (%.2f cores)", usage.cpuSeconds(), usage.wallSeconds(),
                usage.cpuSeconds() / usage.wallSeconds());
        row(out, "gateway CPU per accepted submit / of which JIT compiling", "%.2f ms / %.1f s in the period",
                1000 * usage.cpuSeconds() / Math.max(1, result.accepted()), compiledSeconds);
        row(out, "bare seal CPU per operation (1 thread, same run) / its share of a submit's CPU", "%.2f ms / %.0f %%",
                1000 / floor.oneThread(), 100 * (1 / floor.oneThread()) / (usage.cpuSeconds() / Math.max(1, result.accepted())));
        row(out, "load driver CPU (same cores) / per submit", "%.1f s (%.2f cores) / %.2f ms", driverUsage.cpuSeconds(),
                driverUsage.cpuSeconds() / driverUsage.wallSeconds(), 1000 * driverUsage.cpuSeconds() / Math.max(1, result.sent()));
        if (databaseUsage != null) {
            row(out, "PostgreSQL CPU (server and backends, same cores) / per accepted submit", "%.1f s (%.2f cores) / %.2f ms",
                    databaseUsage.cpuSeconds(), databaseUsage.cpuSeconds() / databaseUsage.wallSeconds(),
                    1000 * databaseUsage.cpuSeconds() / Math.max(1, result.accepted()));
        }
        row(out, "gateway peak heap in use / peak resident memory", "%s / %.0f MB",
                ProcessSampler.HEAP_EVERY_MILLIS > 0 ? String.format(Locale.ROOT, "%.0f MB", usage.peakHeapBytes() / 1e6) : "not measured",
                usage.peakRssBytes() / 1e6);
        row(out, "throughput / crypto floor (2 threads)", "%.0f %%", 100 * throughput / floor.twoThreads());
        stages(out);
        return out.toString();
    }

    /** Mean time in each stage over the measured period, from the gateway's own {@code accord.stage} timers. */
    private void stages(StringBuilder out) {
        out.append("\n### Where a submit's time goes (gateway timers, measured period only)\n\n");
        out.append("| stage | calls | mean ms |\n| --- | --- | --- |\n");
        stages.stage().forEach((name, v) -> {
            if (v[1] > 0) {
                out.append(String.format(Locale.ROOT, "| %s | %.0f | %.3f |%n", name, v[1], 1000 * v[0] / v[1]));
            }
        });
        if (stages.batchCount() > 0) {
            double busy = stages.writingSeconds() / (usage.wallSeconds() * gateways * stages.writers());
            out.append(String.format(Locale.ROOT, "%nGroup commit: %.0f transactions for %.0f pieces of work (mean %.1f per commit); "
                    + "the %.0f writer thread%s per gateway %s busy running and committing them (the stores and the log appends) %.0f %% of "
                    + "the period%s, so %s the bottleneck.%n", stages.batchCount(), stages.batchSum(), stages.batchSum() / stages.batchCount(),
                    stages.writers(), stages.writers() > 1 ? "s" : "", stages.writers() > 1 || gateways > 1 ? "were" : "was", 100 * busy,
                    stages.writers() > 1 || gateways > 1 ? " on average" : "", busy > 0.9 ? "they are" : busy > 0.75 ? "they are near to being" : "they are not"));
        }
        out.append("\nStages nest: `outbound.submit` holds the others; `outbound.store` includes the wait for its group commit.\n");
    }

    private String pct(double p) {
        if (deliveryMillis.isEmpty()) {
            return "-";
        }
        int index = (int) Math.min(deliveryMillis.size() - 1, Math.ceil(p / 100.0 * deliveryMillis.size()) - 1);
        return Long.toString(deliveryMillis.get(Math.max(0, index)));
    }

    private static void row(StringBuilder out, String name, String format, Object... values) {
        out.append("| ").append(name).append(" | ").append(String.format(Locale.ROOT, format, values)).append(" |\n");
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        catch (java.io.IOException e) {
            return "unknown CPU";
        }
        return "unknown CPU";
    }

    /** The seconds holding the slowest 1 %, most first: {@code "s12: 40, s3: 31, ... (in 9 of 30 seconds)"}. */
    static String slowest(int[] perSecond) {
        List<Integer> seconds = new ArrayList<>();
        for (int i = 0; i < perSecond.length; i++) {
            if (perSecond[i] > 0) {
                seconds.add(i);
            }
        }
        seconds.sort((a, b) -> perSecond[b] != perSecond[a] ? perSecond[b] - perSecond[a] : a - b);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(8, seconds.size()); i++) {
            text.append(i == 0 ? "" : ", ").append('s').append(seconds.get(i)).append(": ").append(perSecond[seconds.get(i)]);
        }
        return text.append(seconds.size() > 8 ? ", ..." : "").append(" (in ").append(seconds.size()).append(" of ")
                .append(perSecond.length).append(" seconds)").toString();
    }
}
