package org.accord.bench.load;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accord.bench.TemporaryFolder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -cp accord-bench.jar org.accord.bench.load.LoadDriver [--rate N|max[,N|max...]] [--seconds S] [--concurrency C]
 * [--warmup S] [--warmup-rate N|max] [--settle S] [--database h2|postgres] [--gateways N] [--statements] [--repeat N] [--gc parallel|g1] [--jar gateway-exec.jar[+--gateway.argument=value...][,other.jar...]]
 * [--report file.md]}. With several jars each is measured in turn, in a fresh data directory, into one report (the same crypto
 * floor); with {@code --gateways 2} (PostgreSQL only) two gateway processes share the database and the submits alternate
 * between them.
 * Extra JVM options for the gateway (a profiler agent, say) go in {@code -Daccord.gateway.jvmArgs="..."}. Starts the gateway as a separate process in a fresh
 * data directory, warms it up once (at 250 referrals/s unless told otherwise), then for each rate in turn (after {@code --settle} seconds at
 * that rate, unmeasured, when given) submits the example referral (with
 * its free text) for a bounded time and waits until every accepted transfer is in the police mailbox, and writes one
 * Markdown report with a section per rate, including the time each stage of the flow took. With {@code --database
 * postgres} the gateway stores in a throwaway PostgreSQL cluster instead of its embedded H2 file; {@code --statements}
 * adds, for each rate, the statements PostgreSQL spent its time on (from {@code pg_stat_statements}). {@code --repeat N}
 * measures each rate's period N times in a row, each reported on its own, then the periods' p99s and their median.
 */
public final class LoadDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern METRIC = Pattern.compile("^(\\S+?)(\\{[^}]*})?\\s+(\\S+)$");

    /** For tokens, metrics and the audit API: a handful of calls outside the measured submits. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    /** For the submits: blocking, one kept-alive connection per worker. */
    private CloseableHttpClient submitter;
    /** Every gateway of the run: submits go to each in turn, metrics are summed over all. */
    private List<String> bases;
    /** A fresh token for reading the gateways' metrics, which need the scope metrics:read. */
    private java.util.concurrent.Callable<String> metricsToken;
    private String base;

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new LoadDriver().run(options);
    }

    private void run(Options options) throws Exception {
        Path repo = Path.of(System.getProperty("accord.repo", "."));
        Path floorDir = TemporaryFolder.create("accord-floor-");
        CryptoFloor floor;
        try {
            floor = CryptoFloor.measure(floorDir, Duration.ofSeconds(5));
        }
        finally {
            TemporaryFolder.delete(floorDir);
        }
        submitter = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(options.concurrency())
                        .setMaxConnPerRoute(options.concurrency()).build())
                .disableAutomaticRetries().disableCookieManagement().disableRedirectHandling().build();
        StringBuilder text = new StringBuilder();
        try {
            for (Build build : options.jars(repo)) {
                text.append(runJar(options, repo, build, floor));
            }
        }
        finally {
            submitter.close();
        }
        System.out.println(text);
        Path out = options.report(repo);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println("Wrote " + out);
    }

    /**
     * One jar's run: {@code --gateways} processes of it in a fresh data directory (and a fresh PostgreSQL cluster, which
     * they share), one warm-up, then each rate; the report's section for this jar.
     */
    private String runJar(Options options, Path repo, Build build, CryptoFloor floor) throws Exception {
        Path dataDir = TemporaryFolder.create("accord-load-");
        LoadPostgres postgres = options.postgres() ? LoadPostgres.start(dataDir.resolve("postgres"), options.statements()) : null;
        String database = postgres != null ? postgres.describe() : "H2 file (the embedded default)";
        List<Process> gateways = new ArrayList<>();
        bases = new ArrayList<>();
        try {
            Duration startup = null;
            for (int g = 0; g < options.gateways(); g++) {
                int port = freePort();
                bases.add("http://127.0.0.1:" + port);
                Instant launched = Instant.now();
                gateways.add(startGateway(options, build, dataDir, g, port, postgres));
                base = bases.get(g);
                Duration ready = awaitReady(launched);
                startup = startup == null ? ready : startup;
            }
            base = bases.get(0);
            String uni = token(dataDir, "uni-northbridge", "submit:prevent-referral");
            String dpo = token(dataDir, "accord-dpo", "audit:read");
            metricsToken = metricsToken(dataDir);
            byte[] body = submission(repo);
            WarmUp warmUp = warmUp(options, uni, body);
            StringBuilder text = new StringBuilder(Report.header(options, build, database, floor, startup, warmUp));
            for (double rate : options.rates()) {
                if (options.settleSeconds() > 0) {
                    // Unmeasured: the JIT compiles what this rate brings on, as a gateway running at it for long would have.
                    drive(rate, options.settleSeconds(), options.concurrency(), uni, body);
                }
                List<Double> p99s = new ArrayList<>();
                for (int period = 1; period <= options.repeat(); period++) {
                    long deliveredBefore = delivered();
                    Stages stagesBefore = stages();
                    double compiledBefore = compilationMillis();
                    ProcessSampler sampler = ProcessSampler.start(gateways.stream().mapToLong(Process::pid).toArray(), this::heapUsed);
                    ProcessSampler driverSampler = ProcessSampler.start(new long[] { ProcessHandle.current().pid() }, () -> 0);
                    ProcessSampler databaseSampler = postgres != null ? ProcessSampler.start(postgres.serverPids(), () -> 0) : null;
                    if (options.statements()) {
                        postgres.resetStatements();
                    }
                    LoadPostgres.Wal walBefore = postgres != null ? postgres.wal() : null;
                    Result result = drive(rate, options.seconds(), options.concurrency(), uni, body);
                    Instant submitEnd = Instant.now();
                    long expected = deliveredBefore + result.accepted();
                    while (delivered() < expected && Duration.between(submitEnd, Instant.now()).compareTo(Duration.ofMinutes(5)) < 0) {
                        Thread.sleep(200);
                    }
                    Duration drain = Duration.between(submitEnd, Instant.now());
                    ProcessSampler.Sample usage = sampler.stop();
                    ProcessSampler.Sample driverUsage = driverSampler.stop();
                    ProcessSampler.Sample databaseUsage = databaseSampler != null ? databaseSampler.stop() : null;
                    LoadPostgres.Wal walAfter = postgres != null ? postgres.wal() : null;
                    Stages stagesDuring = stages().minus(stagesBefore);
                    double compiledDuring = (compilationMillis() - compiledBefore) / 1000;
                    long deliveredNow = delivered() - deliveredBefore;
                    List<Long> deliveryMillis = deliveryLatencies(dpo, result.sampleIds());
                    text.append(new Report(rate, floor, result, deliveredNow, drain, usage, driverUsage, databaseUsage, deliveryMillis,
                            stagesDuring, compiledDuring, options.gateways(),
                            options.repeat() == 1 ? "" : ", period " + period + " of " + options.repeat()).markdown());
                    if (walAfter != null) {
                        text.append(walAfter.since(walBefore, result.accepted()));
                    }
                    if (options.statements()) {
                        text.append(postgres.statements(result.accepted()));
                    }
                    p99s.add(result.percentileMillis(99));
                }
                if (options.repeat() > 1) {
                    text.append(Report.repeated(rate, p99s));
                }
            }
            Instant verifying = Instant.now();
            JsonNode verified = get("/api/v1/audit/verify", dpo);
            text.append(Report.chain(verified, Duration.between(verifying, Instant.now()), integrationDelays()));
            return text.toString();
        }
        finally {
            for (Process gateway : gateways) {
                gateway.destroy();
            }
            for (Process gateway : gateways) {
                gateway.waitFor(30, TimeUnit.SECONDS);
                gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            if (postgres != null) {
                postgres.close();
            }
            // The run's database, broker journal and keys: gigabytes after a long warm-up.
            TemporaryFolder.delete(dataDir);
        }
    }

    /**
     * Starts gateway {@code index} of the run. Gateways of one run share the data directory's keys and demo secrets
     * (the first makes them) and the PostgreSQL database; each has its own broker journal and inbound listener port.
     */
    private static Process startGateway(Options options, Build build, Path dataDir, int index, int port, LoadPostgres postgres)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(build.java().toString()));
        command.addAll(options.gatewayJvmOptions());
        String extraJvmArgs = System.getProperty("accord.gateway.jvmArgs", "").trim();
        if (!extraJvmArgs.isEmpty()) {
            command.addAll(List.of(extraJvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-jar", build.jar().toString(), "--server.port=" + port, "--accord.data-dir=" + dataDir,
                "--spring.artemis.embedded.data-directory=" + dataDir.resolve("broker-" + index), "--accord.inbound.tls.port=0",
                "--accord.delivery.max-outstanding-per-recipient=100000000", "--logging.level.org.accord=WARN"));
        // The driver submits far beyond the default 100 a second and reads the log of every transfer afterwards:
        // the limits of the clients it uses are raised.
        for (String client : List.of("uni-northbridge", "accord-dpo", "accord-monitoring")) {
            command.add("--accord.security.rate-limits.clients." + client + ".requests-per-second=1000000");
            command.add("--accord.security.rate-limits.clients." + client + ".burst=1000000");
        }
        if (postgres != null) {
            command.addAll(postgres.gatewayArguments());
        }
        command.addAll(build.arguments());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dataDir.resolve("gateway-" + index + ".log").toFile())
                .start();
    }

    /**
     * Submits for {@code seconds} from {@code concurrency} worker threads, each with its own kept-alive connection and
     * at most one request in flight: as fast as the gateway answers when {@code rate} is 0, otherwise each submit at its
     * due time on a fixed schedule of {@code rate} per second (a submit whose due time has passed while every worker
     * was busy goes as soon as one is free). A submit's latency runs from its request being sent to its answer read.
     */
    private Result drive(double rate, int seconds, int concurrency, String token, byte[] body) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> timeline = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicLong tickets = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<URI> uris = bases.stream().map(b -> URI.create(b + "/api/v1/records")).toList();
        ByteArrayEntity entity = new ByteArrayEntity(body, ContentType.APPLICATION_JSON);
        String bearer = "Bearer " + token;
        long start = System.nanoTime();
        Instant began = Instant.now();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        Runnable worker = () -> {
            while (true) {
                long ticket = tickets.getAndIncrement();
                if (rate > 0) {
                    long due = start + (long) (ticket * 1e9 / rate);
                    if (due >= end) {
                        return;
                    }
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                }
                else if (System.nanoTime() >= end) {
                    return;
                }
                sent.incrementAndGet();
                boolean sampled = ticket % 7 == 0 && ids.size() < 500;
                long begun = System.nanoTime();
                try {
                    URI uri = uris.get((int) (ticket % uris.size()));
                    int status = submitter.execute(ClassicRequestBuilder.post(uri).addHeader("Authorization", bearer).setEntity(entity).build(),
                            response -> {
                                if (response.getCode() == 202 && sampled) {
                                    ids.add(JSON.readTree(EntityUtils.toString(response.getEntity())).get("transferId").asString());
                                }
                                else {
                                    EntityUtils.consume(response.getEntity());
                                }
                                return response.getCode();
                            });
                    long took = System.nanoTime() - begun;
                    latencies.add(took);
                    timeline.add(new long[] {begun - start, took});
                    (status == 202 ? accepted : errors).incrementAndGet();
                }
                catch (IOException | RuntimeException e) {
                    latencies.add(System.nanoTime() - begun);
                    errors.incrementAndGet();
                }
            }
        };
        Stalls stalls = Stalls.watch();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread thread = new Thread(worker, "submit-" + i);
            thread.setDaemon(true);
            thread.start();
            workers.add(thread);
        }
        for (Thread thread : workers) {
            thread.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(sent.get(), accepted.get(), errors.get(), took, sorted, List.copyOf(ids),
                slowestPerSecond(timeline, sorted, seconds), began, stalls.stop());
    }

    /**
     * For each second of the period, how many of the slowest 1 % of submits were sent in it: a tail spread evenly
     * is a queue's, one gathered into a few seconds is something that stalled the gateway then.
     */
    static int[] slowestPerSecond(Collection<long[]> timeline, List<Long> sorted, int seconds) {
        int[] perSecond = new int[Math.max(1, seconds)];
        if (sorted.isEmpty()) {
            return perSecond;
        }
        long p99 = sorted.get(Math.max(0, (int) Math.ceil(0.99 * sorted.size()) - 1));
        for (long[] submit : timeline) {
            if (submit[1] >= p99) {
                perSecond[(int) Math.min(perSecond.length - 1, TimeUnit.NANOSECONDS.toSeconds(submit[0]))]++;
            }
        }
        return perSecond;
    }

    /**
     * Submits at {@code --warmup-rate} (250/s unless given; {@code max} for the highest rate), in rounds of
     * {@link #WARMUP_ROUND_SECONDS}, until the gateway's JIT compiler has settled: a round in which it compiled for less
     * than {@link #JIT_SETTLED_SHARE} of the round's time, or {@code --warmup} seconds in all. On 2 cores the C2
     * compiler is still compiling Spring, Hibernate, Camel and H2 minutes after start, and a measurement taken
     * meanwhile measures the compiler as much as the gateway. Below the highest rate the compiler gets the cores'
     * spare time instead of a share among the request threads, so it is done sooner.
     *
     * @return how long the warm-up took and how much the compiler was still compiling in its last round
     */
    private WarmUp warmUp(Options options, String token, byte[] body) throws Exception {
        long started = System.nanoTime();
        double lastShare = Double.NaN;
        while (options.warmupSeconds() > 0 && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(options.warmupSeconds())) {
            double compiledBefore = compilationMillis();
            long roundStart = System.nanoTime();
            drive(options.warmupRate(), WARMUP_ROUND_SECONDS, options.concurrency(), token, body);
            lastShare = (compilationMillis() - compiledBefore) / ((System.nanoTime() - roundStart) / 1e6);
            if (lastShare < JIT_SETTLED_SHARE) {
                break;
            }
        }
        return new WarmUp(Duration.ofNanos(System.nanoTime() - started), lastShare);
    }

    private static final int WARMUP_ROUND_SECONDS = 10;
    private static final double JIT_SETTLED_SHARE = 0.05;

    /** The gateway's total JIT compilation time so far, from its JVM metrics. */
    private double compilationMillis() throws Exception {
        return metric("jvm_compilation_time_ms_total", "");
    }

    /** How long the warm-up ran, and the JIT compiler's share of its last round (compile time / wall time). */
    record WarmUp(Duration took, double lastRoundJitShare) {
    }

    /**
     * One build to measure: its jar, the gateway arguments after each {@code +}, and the Java runtime after {@code @}
     * ({@code gw.jar@/usr/lib/jvm/temurin-25-jdk-amd64}; the driver's own runtime when absent).
     */
    record Build(Path jar, List<String> arguments, Path javaHome) {

        /** The driver's own runtime, a build's unless it names another. */
        static final Path DRIVER_JAVA_HOME = Path.of(System.getProperty("java.home"));

        static Build parse(String spec) {
            String[] parts = spec.split("\\+(?=--)");
            String[] jarAndJava = parts[0].split("@", 2);
            return new Build(Path.of(jarAndJava[0]), List.of(parts).subList(1, parts.length),
                    jarAndJava.length > 1 ? Path.of(jarAndJava[1]) : DRIVER_JAVA_HOME);
        }

        Path java() {
            return javaHome.resolve("bin").resolve("java");
        }

        String describe() {
            String runtime = javaHome.equals(DRIVER_JAVA_HOME) ? "" : " on " + javaHome;
            return (arguments.isEmpty() ? jar.getFileName().toString() : jar.getFileName() + " " + String.join(" ", arguments)) + runtime;
        }
    }

    /**
     * Sums and counts of the gateway's {@code accord.stage} timers and group commits, to difference two readings.
     * {@code writers}: group-commit writer threads of one gateway (1 for a jar without the gauge).
     */
    record Stages(java.util.Map<String, double[]> stage, double batchSum, double batchCount, double writingSeconds, double writers) {

        Stages minus(Stages before) {
            java.util.Map<String, double[]> diff = new java.util.TreeMap<>();
            stage.forEach((name, v) -> {
                double[] b = before.stage.getOrDefault(name, new double[2]);
                diff.put(name, new double[] { v[0] - b[0], v[1] - b[1] });
            });
            return new Stages(diff, batchSum - before.batchSum, batchCount - before.batchCount,
                    writingSeconds - before.writingSeconds, writers);
        }
    }

    private Stages stages() throws Exception {
        String text = prometheus();
        java.util.Map<String, double[]> stage = new java.util.TreeMap<>();
        double batchSum = 0;
        double batchCount = 0;
        double writingSeconds = 0;
        double writers = 1;
        Pattern stageLabel = Pattern.compile("stage=\"([^\"]+)\"");
        for (String line : text.split("\n")) {
            Matcher m = METRIC.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            double value = Double.parseDouble(m.group(3));
            if (name.equals("accord_stage_seconds_sum") || name.equals("accord_stage_seconds_count")) {
                Matcher label = stageLabel.matcher(m.group(2) == null ? "" : m.group(2));
                if (label.find()) {
                    stage.computeIfAbsent(label.group(1), k -> new double[2])[name.endsWith("_sum") ? 0 : 1] += value;
                }
            }
            else if (name.equals("accord_group_commit_batch_sum")) {
                batchSum += value;
            }
            else if (name.equals("accord_group_commit_batch_count")) {
                batchCount += value;
            }
            else if (name.equals("accord_group_commit_transaction_seconds_sum")) {
                writingSeconds += value;
            }
            else if (name.equals("accord_group_commit_writers")) {
                writers = value;
            }
        }
        return new Stages(stage, batchSum, batchCount, writingSeconds, writers);
    }

    private List<Long> deliveryLatencies(String dpo, List<String> ids) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (String id : ids) {
            JsonNode entries = get("/api/v1/audit/transfers?transferId=" + id, dpo).get("entries");
            Instant received = null;
            Instant available = null;
            for (JsonNode e : entries) {
                switch (e.get("event").asString()) {
                    case "RECEIVED" -> received = Instant.parse(e.get("recordedAt").asString());
                    case "MADE_AVAILABLE" -> available = Instant.parse(e.get("recordedAt").asString());
                    default -> { }
                }
            }
            if (received != null && available != null) {
                millis.add(Duration.between(received, available).toMillis());
            }
        }
        Collections.sort(millis);
        return millis;
    }

    private long delivered() throws Exception {
        return (long) metric("accord_deliveries_total", "result=\"available\"");
    }

    /** Heap in use, summed over the run's gateways. */
    private double heapUsed() {
        try {
            return metric("jvm_memory_used_bytes", "area=\"heap\"");
        }
        catch (Exception e) {
            return 0;
        }
    }

    /** Every gateway's metrics, in Prometheus's text format, one after the other (a metric read from it is summed over them). */
    private String prometheus() throws Exception {
        StringBuilder text = new StringBuilder();
        String bearer = metricsToken.call();
        for (String gateway : bases) {
            HttpRequest.Builder scrape = HttpRequest.newBuilder(URI.create(gateway + "/actuator/prometheus")).GET();
            if (bearer != null) {
                scrape.header("Authorization", "Bearer " + bearer);
            }
            text.append(http.send(scrape.build(),
                    HttpResponse.BodyHandlers.ofString()).body()).append('\n');
        }
        return text.toString();
    }

    /**
     * The log integration delay over the whole run, from the gateways' {@code accord_log_integration_delay_seconds}
     * histograms (buckets summed over the gateways): count, p50 and p99 as bucket upper bounds, and the largest
     * recent maximum any gateway reports. Null when the gateway has no integrator (an older jar).
     */
    private double[] integrationDelays() throws Exception {
        java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
        double max = 0;
        Pattern le = Pattern.compile("le=\"([^\"]+)\"");
        for (String line : prometheus().split("\n")) {
            Matcher m = METRIC.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            if (m.group(1).equals("accord_log_integration_delay_seconds_bucket")) {
                Matcher bound = le.matcher(m.group(2));
                if (bound.find() && !bound.group(1).equals("+Inf")) {
                    buckets.merge(Double.parseDouble(bound.group(1)), Double.parseDouble(m.group(3)), Double::sum);
                }
            }
            else if (m.group(1).equals("accord_log_integration_delay_seconds_max")) {
                max = Math.max(max, Double.parseDouble(m.group(3)));
            }
        }
        if (buckets.isEmpty()) {
            return null;
        }
        double count = buckets.lastEntry().getValue();
        return new double[] { count, quantile(buckets, count, 0.5), quantile(buckets, count, 0.99), max };
    }

    private static double quantile(java.util.TreeMap<Double, Double> cumulative, double count, double q) {
        for (var bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= q * count) {
                return bucket.getKey();
            }
        }
        return cumulative.lastKey();
    }

    /** Sums a Prometheus metric over the series whose labels contain {@code labelFilter}. */
    private double metric(String name, String labelFilter) throws Exception {
        String text = prometheus();
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher m = METRIC.matcher(line.trim());
            if (m.matches() && m.group(1).equals(name) && (m.group(2) == null ? "" : m.group(2)).contains(labelFilter)) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    private JsonNode get(String path, String token) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private Duration awaitReady(Instant launched) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return Duration.between(launched, Instant.now());
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The gateway did not become ready");
    }

    /**
     * The token for reading metrics, fetched once a minute rather than for every read (each fetch checks a client secret,
     * work that would otherwise count against the gateway under test). None for a jar without the monitoring client:
     * before it, the metrics needed no token.
     */
    private java.util.concurrent.Callable<String> metricsToken(Path dataDir) throws IOException {
        if (clientSecrets(dataDir).getProperty("accord-monitoring") == null) {
            return () -> null;
        }
        String[] held = new String[1];
        Instant[] fetched = { Instant.EPOCH };
        return () -> {
            if (Duration.between(fetched[0], Instant.now()).toSeconds() >= 60) {
                held[0] = token(dataDir, "accord-monitoring", "metrics:read");
                fetched[0] = Instant.now();
            }
            return held[0];
        };
    }

    /** The demo client secrets the first gateway of the run made. */
    private static Properties clientSecrets(Path dataDir) throws IOException {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("demo/clients.properties"))) {
            secrets.load(reader);
        }
        return secrets;
    }

    private String token(Path dataDir, String client, String scope) throws Exception {
        Properties secrets = clientSecrets(dataDir);
        String basic = Base64.getEncoder().encodeToString((client + ":" + secrets.getProperty(client)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static byte[] submission(Path repo) throws IOException {
        String record = Files.readString(repo.resolve("schemas/examples/prevent-referral.v1.example.json"));
        return ("{\"recordType\":\"prevent-referral\",\"schemaVersion\":1,\"recipient\":\"ctp-nw-prevent\","
                + "\"purpose\":\"prevent-referral-assessment\",\"record\":" + record + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What the submit loop saw. Latencies in nanoseconds, sorted. */
    record Result(long sent, long accepted, long errors, double seconds, List<Long> latencies, List<String> sampleIds,
            int[] slowestPerSecond, Instant began, Stalls.Summary driverStalls) {

        double percentileMillis(double p) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencies.size() - 1, Math.ceil(p / 100.0 * latencies.size()) - 1);
            return latencies.get(Math.max(0, index)) / 1e6;
        }
    }

    /** Command-line options. {@code rates} are measured in turn, 0 for the highest rate, after one warm-up. */
    record Options(List<Double> rates, int seconds, int concurrency, String jar, String report, int warmupSeconds, double warmupRate,
            boolean postgres, String gc, int gateways, boolean statements, int settleSeconds, int repeat) {

        static Options parse(String[] args) {
            List<Double> rates = List.of(0.0);
            int seconds = 30;
            int concurrency = 32;
            String jar = null;
            String report = null;
            int warmup = 300;
            boolean postgres = false;
            double warmupRate = 250;
            String gc = "parallel";
            int gateways = 1;
            boolean statements = false;
            int settle = 0;
            int repeat = 1;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rate" -> rates = Arrays.stream(args[++i].split(",")).map(r -> r.equals("max") ? 0.0 : Double.parseDouble(r)).toList();
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                    case "--jar" -> jar = args[++i];
                    case "--report" -> report = args[++i];
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--warmup-rate" -> warmupRate = args[++i].equals("max") ? 0 : Double.parseDouble(args[i]);
                    case "--database" -> postgres = switch (args[++i]) {
                        case "h2" -> false;
                        case "postgres" -> true;
                        default -> throw new IllegalArgumentException("--database is h2 or postgres, not " + args[i]);
                    };
                    case "--gc" -> gc = switch (args[++i]) {
                        case "parallel", "g1" -> args[i];
                        default -> throw new IllegalArgumentException("--gc is parallel or g1, not " + args[i]);
                    };
                    case "--gateways" -> gateways = Integer.parseInt(args[++i]);
                    case "--statements" -> statements = true;
                    case "--settle" -> settle = Integer.parseInt(args[++i]);
                    case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (gateways > 1 && !postgres) {
                throw new IllegalArgumentException("--gateways above 1 needs --database postgres: gateways share a database");
            }
            if (statements && !postgres) {
                throw new IllegalArgumentException("--statements needs --database postgres: it reads PostgreSQL's pg_stat_statements");
            }
            if (repeat < 1) {
                throw new IllegalArgumentException("--repeat is at least 1, not " + repeat);
            }
            return new Options(rates, seconds, concurrency, jar, report, warmup, warmupRate, postgres, gc, gateways, statements, settle,
                    repeat);
        }

        /**
         * The gateway's JVM options: deploy/README.md's, a 512 MB heap and the parallel collector ({@code --gc parallel},
         * the default), or the same heap with G1, the JVM's own choice on this machine ({@code --gc g1}), to compare.
         */
        List<String> gatewayJvmOptions() {
            return List.of("-Xmx512m", gc.equals("g1") ? "-XX:+UseG1GC" : "-XX:+UseParallelGC");
        }

        /** The rates by name, {@code max} for the highest: {@code max,500} with a comma. */
        String rateNames(String separator) {
            return String.join(separator, rates.stream().map(Options::rateName).toList());
        }

        static String rateName(double rate) {
            return rate > 0 ? String.format(Locale.ROOT, "%.0f", rate) : "max";
        }

        /**
         * The builds to measure in turn: {@code --jar a.jar,b.jar} compares two builds in one run and one report, and
         * {@code --jar a.jar+--some.property=1,a.jar+--some.property=2} one build under two settings (gateway arguments
         * after each {@code +}).
         */
        List<Build> jars(Path repo) throws IOException {
            if (jar != null) {
                return Arrays.stream(jar.split(",")).map(Build::parse).toList();
            }
            try (var files = Files.list(repo.resolve("gateway/target"))) {
                return List.of(new Build(files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Build the gateway first: ./mvnw -pl gateway package -DskipTests")),
                        List.of(), Build.DRIVER_JAVA_HOME));
            }
        }

        Path report(Path repo) {
            String stamp = Instant.now().toString().replace(":", "").replaceAll("\\.\\d+", "");
            return report != null ? Path.of(report)
                    : repo.resolve("bench/results/load-" + (postgres ? "postgres-" : "") + (gateways > 1 ? gateways + "gw-" : "")
                            + rateNames("-") + "-" + stamp + ".md");
        }
    }
}
