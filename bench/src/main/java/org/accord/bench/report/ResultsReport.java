package org.accord.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a Markdown report from a JMH JSON result file: the conditions (date, cores, CPU model, load, Java,
 * command), a table of every benchmark, and the overhead of sealing and opening over the bare cryptography.
 *
 * <p>Usage: {@code ResultsReport <jmh.json> <report.md> <command> [load before] [load after] [start time]}; the
 * load averages and start time default to "not recorded", now and now.
 */
public final class ResultsReport {

    private ResultsReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: ResultsReport <jmh.json> <report.md> <command> [load-before] [load-after] [started]");
            System.exit(2);
        }
        JsonNode results = JsonMapper.shared().readTree(Path.of(args[0]).toFile());
        List<Measurement> measurements = new ArrayList<>();
        for (JsonNode result : results) {
            measurements.add(Measurement.of(result));
        }
        String loadBefore = args.length > 3 ? args[3] : "not recorded";
        String loadAfter = args.length > 4 ? args[4] : loadAverage();
        String started = args.length > 5 ? args[5]
                : ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19);
        String report = render(results, measurements, args[2], started, loadBefore + " / " + loadAfter);
        Files.writeString(Path.of(args[1]), report, StandardCharsets.UTF_8);
    }

    static String render(JsonNode results, List<Measurement> measurements, String command, String started, String load) {
        JsonNode first = results.isEmpty() ? null : results.get(0);
        StringBuilder md = new StringBuilder("# Accord benchmark report\n\n");
        md.append("| condition | value |\n| --- | --- |\n");
        row(md, "run started (UTC)", started);
        row(md, "cores (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        row(md, "CPU", cpuModel());
        row(md, "load average (1, 5, 15 min) before / after", load);
        if (first != null) {
            row(md, "Java", first.path("jdkVersion").asString() + " (" + first.path("vmName").asString() + " "
                    + first.path("vmVersion").asString() + ")");
            row(md, "JMH", first.path("jmhVersion").asString() + "; forks " + first.path("forks").asInt()
                    + ", warm-up " + first.path("warmupIterations").asInt() + " x " + first.path("warmupTime").asString()
                    + ", measurement " + first.path("measurementIterations").asInt() + " x "
                    + first.path("measurementTime").asString());
        }
        row(md, "command", "`" + command + "`");
        md.append("\nThe machine has 2 cores shared with other builds, so figures carry contention noise: compare ")
                .append("them within one report, not across machines, and trust B/op (allocation per operation, ")
                .append("deterministic) over ops/s when the load average exceeds the core count. ")
                .append("Two-thread figures are total throughput of both threads.\n");

        md.append("\n## Results\n\n")
                .append("| benchmark | params | threads | ops/s | ± error (99.9%) | µs/op per thread | B/op |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Measurement m : measurements) {
            md.append("| ").append(m.benchmark()).append(" | ").append(m.params().isEmpty() ? "" : m.params())
                    .append(" | ").append(m.threads())
                    .append(" | ").append(number(m.opsPerSecond()))
                    .append(" | ").append(number(m.error()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", m.microsPerOp()))
                    .append(" | ").append(Double.isNaN(m.bytesPerOp()) ? "n/a" : number(m.bytesPerOp()))
                    .append(" |\n");
        }
        md.append(OverheadTable.render(measurements));
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String cpuModel() {
        try {
            Optional<String> model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
            return model.orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
