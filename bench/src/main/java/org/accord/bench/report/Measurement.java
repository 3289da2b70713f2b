package org.accord.bench.report;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One benchmark result: throughput in operations per second across all threads, its 99.9% error, and the
 * bytes allocated per operation when the run used {@code -prof gc} (otherwise NaN).
 */
record Measurement(String benchmark, String params, int threads, double opsPerSecond, double error, double bytesPerOp) {

    static Measurement of(JsonNode result) {
        String name = result.get("benchmark").asString();
        String[] parts = name.split("\\.");
        String shortName = parts.length >= 3
                ? parts[parts.length - 3] + "." + parts[parts.length - 2] + "." + parts[parts.length - 1]
                : name;
        StringBuilder params = new StringBuilder();
        JsonNode p = result.get("params");
        if (p != null) {
            for (Map.Entry<String, JsonNode> entry : p.properties()) {
                params.append(params.isEmpty() ? "" : ", ").append(entry.getKey()).append('=').append(entry.getValue().asString());
            }
        }
        JsonNode primary = result.get("primaryMetric");
        if (!"ops/s".equals(primary.get("scoreUnit").asString())) {
            throw new IllegalArgumentException(name + " is in " + primary.get("scoreUnit").asString() + ", not ops/s");
        }
        JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
        double bytes = alloc.isMissingNode() ? Double.NaN : alloc.get("score").asDouble();
        return new Measurement(shortName, params.toString(), result.get("threads").asInt(),
                primary.get("score").asDouble(), error(primary.get("scoreError")), bytes);
    }

    /** Microseconds one operation takes on one thread. */
    double microsPerOp() {
        return threads * 1_000_000.0 / opsPerSecond;
    }

    boolean is(String method, int threadCount) {
        return benchmark.endsWith("." + method) && threads == threadCount;
    }

    private static double error(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return Double.NaN;
        }
        return node.asDouble();
    }
}
