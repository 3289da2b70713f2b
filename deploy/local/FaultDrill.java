import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The failure drill of the local topology (deploy/local/fault-test.sh runs it). Submits at a steady rate through
 * HAProxy, half Prevent referrals to the police mailbox and half safeguarding concerns pushed to the partner stub over
 * mutual TLS, from a client that sends an unanswered submit again with the same Idempotency-Key; kills gateway 1
 * mid-load, later kills the broker primary (the backup takes over), restarts both; then checks that every submit was
 * answered 202 exactly once, that each referral is in the police mailbox once, that each pushed transfer reached the
 * stub once, that the transfer log is one valid hash chain holding both gateways' entries, and that the backup held
 * the queue while the primary was down. Prints its figures and ends with a line "N passed, N failed".
 *
 *   java FaultDrill.java <cluster state folder> <cluster.sh> <repository> [rate per second] [seconds]
 */
public class FaultDrill {

    static final String LB = "https://127.0.0.1:18443";
    /** The university's case-management system, the drill's client, and the scopes it asks for. */
    static final String SUBMITTER = "northbridge-case-management";
    static final String SUBMITTER_SCOPES = "submit:prevent-referral submit:safeguarding-concern transfers:read";
    static final String IDP = "https://127.0.0.1:19000";
    static final List<String> GATEWAYS = List.of("http://127.0.0.1:18081", "http://127.0.0.1:18082");
    static final int BACKUP_BROKER_PORT = 61617;
    static final Pattern TRANSFER_ID = Pattern.compile("\"transferId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    final Path state;
    final Path clusterScript;
    final Path repository;
    final HttpClient http;
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final String run = Long.toString(System.currentTimeMillis(), 36);
    final Instant started = Instant.now();
    final Map<String, Instant> events = new ConcurrentHashMap<>();
    final List<String> passed = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());

    /** One submit: its key, what it is, and what came of it. */
    static final class Submit {
        final int number;
        final boolean pushed;
        final String key;
        volatile String transferId;
        volatile String gateway;
        volatile int attempts;
        volatile Instant sentAt;
        volatile Instant answeredAt;
        volatile String refusal;

        Submit(int number, boolean pushed, String key) {
            this.number = number;
            this.pushed = pushed;
            this.key = key;
        }
    }

    FaultDrill(Path state, Path clusterScript, Path repository) throws Exception {
        this.state = state;
        this.clusterScript = clusterScript;
        this.repository = repository;
        this.http = HttpClient.newBuilder().sslContext(trusting(state.resolve("pki/ca.crt"))).connectTimeout(Duration.ofSeconds(3))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public static void main(String[] args) throws Exception {
        FaultDrill drill = new FaultDrill(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 150;
        int failures = drill.drill(rate, seconds);
        System.exit(failures == 0 ? 0 : 1);
    }

    int drill(int rate, int seconds) throws Exception {
        String referral = envelope("prevent-referral", "ctp-nw-prevent", "prevent-referral-assessment", "prevent-referral.v1.example.json");
        String concern = envelope("safeguarding-concern", "uni-eastmoor/safeguarding-lead", "student-transfer-safeguarding",
                "safeguarding-concern.v1.example.json");
        Set<String> stubBefore = Set.copyOf(stubLines().keySet());

        List<Submit> submits = new ArrayList<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger retried = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        // A client holds its token before it submits, as a case-management system does: the time to 202 is then the
        // gateways' and the faults', not the identity provider's first tokens.
        token(SUBMITTER, SUBMITTER_SCOPES);
        Thread faults = new Thread(() -> faults(seconds), "faults");
        faults.start();
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int n = 0; n < total; n++) {
            long due = start + (long) (n * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Submit submit = new Submit(n, n % 2 == 1, "drill-" + run + "-" + n);
            submits.add(submit);
            senders.execute(() -> send(submit, submit.pushed ? concern : referral, retried, problems));
        }
        senders.shutdown();
        boolean answered = senders.awaitTermination(5, TimeUnit.MINUTES);
        faults.join(TimeUnit.MINUTES.toMillis(5));
        log("submitting ended; waiting for delivery");

        long accepted = submits.stream().filter(s -> s.transferId != null).count();
        List<Submit> lost = submits.stream().filter(s -> s.transferId == null).toList();
        Map<String, Long> perTransfer = new HashMap<>();
        submits.stream().filter(s -> s.transferId != null).forEach(s -> perTransfer.merge(s.transferId, 1L, Long::sum));
        check(answered && lost.isEmpty(), "every submit was answered 202 (" + accepted + " of " + submits.size() + "; lost "
                + lost.size() + (lost.isEmpty() ? "" : ", e.g. " + lost.get(0).key + ": " + lost.get(0).refusal) + ")");
        check(perTransfer.size() == accepted, "each submit made one transfer, its retries answered with the same one ("
                + perTransfer.size() + " transfers for " + accepted + " answered submits)");

        // Wait until every accepted referral is in the police mailbox and every pushed concern reached the stub.
        Set<String> referrals = ids(submits, false);
        Set<String> pushed = ids(submits, true);
        Map<String, Integer> mailbox = Map.of();
        Map<String, List<String>> stub = Map.of();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            mailbox = mailbox(referrals);
            stub = stubLines();
            if (mailbox.keySet().containsAll(referrals) && stub.keySet().containsAll(pushed)) {
                break;
            }
            Thread.sleep(2000);
        }
        Map<String, Integer> inMailbox = mailbox;
        long missingFromMailbox = referrals.stream().filter(id -> !inMailbox.containsKey(id)).count();
        long twiceInMailbox = inMailbox.values().stream().filter(count -> count > 1).count();
        check(missingFromMailbox == 0 && twiceInMailbox == 0, "every referral answered 202 is in the police mailbox exactly once ("
                + referrals.size() + " referrals; missing " + missingFromMailbox + ", listed twice " + twiceInMailbox + ")");
        Map<String, List<String>> received = stub;
        long notDelivered = pushed.stream().filter(id -> !received.containsKey(id)).count();
        long acceptedTwice = pushed.stream().filter(id -> received.getOrDefault(id, List.of()).stream().filter("202"::equals).count() != 1
                && received.containsKey(id)).count();
        long strays = received.keySet().stream().filter(id -> !pushed.contains(id) && !stubBefore.contains(id)).count();
        check(notDelivered == 0 && acceptedTwice == 0 && strays == 0, "every pushed transfer was delivered exactly once to the partner stub ("
                + pushed.size() + " pushed; not delivered " + notDelivered + ", taken in more than once " + acceptedTwice
                + ", unknown " + strays + ")");
        // A push is at least once on the wire: a gateway killed after the partner took a message and before it recorded
        // the delivery leaves the message on the queue, and another gateway pushes it again; so does a broker that fails
        // over (or back) between the partner's answer and the acknowledgement of the message, which the broker then
        // redelivers. The partner drops a repeat by its transfer id (409), as the protocol asks. Such a repeat is only
        // allowed around those faults.
        List<Instant> repeats = stubRepeats();
        long repeatsElsewhere = repeats.stream().filter(at -> nearFault(at) == null).count();
        check(repeatsElsewhere == 0, "a push was repeated only where a gateway or the broker failed between the partner's answer "
                + "and the record of it (" + repeats.size() + " repeats, answered 409; " + repeatsElsewhere + " away from every fault)");

        // One valid chain with both gateways' entries.
        String verify = get(LB + "/api/v1/audit/verify", token("accord-dpo", "audit:read"));
        check(verify.contains("\"valid\":true"), "the transfer log verifies as one hash chain: " + verify.replaceAll(",\"latestCheckpoint\".*", "}"));
        for (String gateway : List.of("gateway1", "gateway2")) {
            Submit sample = submits.stream().filter(s -> gateway.equals(s.gateway)).reduce((a, b) -> b).orElse(null);
            boolean chained = sample != null && chained(sample.transferId);
            check(chained, "the chain holds the entries of transfers accepted by " + gateway
                    + (sample == null ? " (none was accepted there)" : " (transfer " + sample.transferId + ")"));
        }

        // The backup held the queue: pushes accepted while the primary was down were delivered, through the backup.
        Instant brokerDown = events.get("broker-primary-killed");
        Instant brokerBack = events.get("broker-primary-restarted");
        List<Submit> duringOutage = submits.stream().filter(s -> s.pushed && s.transferId != null && brokerDown != null
                && brokerBack != null && s.answeredAt.isAfter(brokerDown) && s.answeredAt.isBefore(brokerBack)).toList();
        long deliveredDuringOutage = duringOutage.stream().filter(s -> received.containsKey(s.transferId)).count();
        check(events.containsKey("backup-active") && !duringOutage.isEmpty() && deliveredDuringOutage == duringOutage.size(),
                "the backup broker took over and held the queue: " + deliveredDuringOutage + " of " + duringOutage.size()
                        + " transfers pushed while the primary was down were delivered");

        figures(submits, retried.get(), mailbox.size(), received, problems);
        System.out.printf(Locale.ROOT, "%d passed, %d failed%n", passed.size(), failed.size());
        return failed.size();
    }

    void faults(int seconds) {
        try {
            sleepUntil(Math.round(seconds * 0.15));
            events.put("gateway-1-killed", Instant.now());
            cluster("kill-gateway", "1");
            sleepUntil(Math.round(seconds * 0.35));
            Instant killed = Instant.now();
            events.put("broker-primary-killed", killed);
            cluster("kill-broker-primary");
            while (Duration.between(killed, Instant.now()).toSeconds() < 120) {
                try (Socket socket = new Socket("127.0.0.1", BACKUP_BROKER_PORT)) {
                    events.put("backup-active", Instant.now());
                    break;
                }
                catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            sleepUntil(Math.round(seconds * 0.55));
            cluster("restart-gateway", "1");
            events.put("gateway-1-restarted", Instant.now());
            sleepUntil(Math.round(seconds * 0.7));
            events.put("broker-primary-restarted", Instant.now());
            cluster("restart-broker-primary");
        }
        catch (Exception e) {
            log("the fault schedule failed: " + e);
            failed.add("the fault schedule ran: " + e);
        }
    }

    void send(Submit submit, String body, AtomicInteger retried, ConcurrentLinkedQueue<String> problems) {
        submit.sentAt = Instant.now();
        Instant giveUp = submit.sentAt.plus(Duration.ofMinutes(3));
        long backoff = 250;
        while (Instant.now().isBefore(giveUp)) {
            submit.attempts++;
            if (submit.attempts > 1) {
                retried.incrementAndGet();
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(LB + "/api/v1/records")).timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bearer " + token(SUBMITTER, SUBMITTER_SCOPES))
                        .header("Content-Type", "application/json").header("Idempotency-Key", submit.key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    Matcher id = TRANSFER_ID.matcher(response.body());
                    if (id.find()) {
                        submit.transferId = id.group(1);
                        submit.gateway = response.headers().firstValue("Accord-Gateway").orElse("?");
                        submit.answeredAt = Instant.now();
                        return;
                    }
                }
                if (response.statusCode() == 401) {
                    tokens.clear();
                }
                else if (response.statusCode() < 500 && response.statusCode() != 429) {
                    submit.refusal = response.statusCode() + " " + response.body();
                    problems.add(submit.key + ": " + submit.refusal);
                    return;
                }
                submit.refusal = "HTTP " + response.statusCode();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (Exception e) {
                // No answer (a connection reset, a timeout) or no token: the same submit again, same key.
                submit.refusal = e.getClass().getSimpleName();
            }
            sleepQuietly(backoff);
            backoff = Math.min(backoff * 2, 4000);
        }
    }

    void figures(List<Submit> submits, int retried, int inMailbox, Map<String, List<String>> received, ConcurrentLinkedQueue<String> problems)
            throws Exception {
        System.out.println();
        System.out.println("Figures of the drill (run " + run + ", started " + started + "):");
        long accepted = submits.stream().filter(s -> s.transferId != null).count();
        Map<String, Long> byGateway = new TreeMap<>();
        submits.stream().filter(s -> s.gateway != null).forEach(s -> byGateway.merge(s.gateway, 1L, Long::sum));
        line("submits sent / answered 202 / lost", submits.size() + " / " + accepted + " / " + (submits.size() - accepted));
        line("answered by", byGateway.toString());
        line("submit attempts retried with the same Idempotency-Key", Integer.toString(retried));
        line("submits that needed a retry", Long.toString(submits.stream().filter(s -> s.attempts > 1).count()));
        List<Instant> repeats = stubRepeats();
        line("pushes the partner stub received again (answered 409)", Integer.toString(repeats.size()));
        for (Instant repeat : repeats) {
            String fault = nearFault(repeat);
            line("repeat", String.format(Locale.ROOT, "t+%.1f s, %s", Duration.between(started, repeat).toMillis() / 1000.0,
                    fault == null ? "away from every fault" : "next to " + fault));
        }
        for (Map.Entry<String, Instant> event : new TreeMap<>(events).entrySet()) {
            line("event " + event.getKey(), String.format(Locale.ROOT, "t+%.1f s", Duration.between(started, event.getValue()).toMillis() / 1000.0));
        }
        if (events.containsKey("broker-primary-killed") && events.containsKey("backup-active")) {
            line("backup broker serving clients after the primary was killed", String.format(Locale.ROOT, "%.1f s",
                    Duration.between(events.get("broker-primary-killed"), events.get("backup-active")).toMillis() / 1000.0));
        }
        Instant gatewayKilled = events.get("gateway-1-killed");
        if (gatewayKilled != null) {
            Submit firstAfter = submits.stream().filter(s -> s.sentAt != null && s.sentAt.isAfter(gatewayKilled) && s.answeredAt != null)
                    .min((a, b) -> a.sentAt.compareTo(b.sentAt)).orElse(null);
            long slowest = submits.stream().filter(s -> s.sentAt != null && s.answeredAt != null
                    && Math.abs(Duration.between(gatewayKilled, s.sentAt).toSeconds()) < 10)
                    .mapToLong(s -> Duration.between(s.sentAt, s.answeredAt).toMillis()).max().orElse(-1);
            line("first submit sent after gateway 1 was killed answered", firstAfter == null ? "never" : String.format(Locale.ROOT,
                    "%.2f s after the kill, by %s", Duration.between(gatewayKilled, firstAfter.answeredAt).toMillis() / 1000.0, firstAfter.gateway));
            line("longest a submit sent within 10 s of the kill waited for its 202 (retries included)", slowest + " ms");
        }
        List<Long> latencies = submits.stream().filter(s -> s.answeredAt != null)
                .map(s -> Duration.between(s.sentAt, s.answeredAt).toMillis()).sorted().toList();
        if (!latencies.isEmpty()) {
            line("time to 202, retries included: p50 / p99 / max", latencies.get(latencies.size() / 2) + " / "
                    + latencies.get((int) Math.min(latencies.size() - 1, Math.ceil(latencies.size() * 0.99) - 1)) + " / "
                    + latencies.get(latencies.size() - 1) + " ms");
            // The slowest few, each with when it was sent, by whom it was answered, how many tries, and the fault next to it.
            submits.stream().filter(s -> s.answeredAt != null)
                    .sorted((a, b) -> Duration.between(b.sentAt, b.answeredAt).compareTo(Duration.between(a.sentAt, a.answeredAt)))
                    .limit(5).forEach(s -> {
                        String fault = nearFault(s.sentAt);
                        line("slow submit", String.format(Locale.ROOT, "%d ms, sent t+%.1f s, %d attempt(s)%s, answered by %s, %s",
                                Duration.between(s.sentAt, s.answeredAt).toMillis(), Duration.between(started, s.sentAt).toMillis() / 1000.0,
                                s.attempts, s.attempts > 1 ? " (last failed: " + s.refusal + ")" : "", s.gateway,
                                fault == null ? "away from every fault" : "next to " + fault));
                    });
        }
        line("referrals in the police mailbox", Integer.toString(inMailbox));
        for (int g = 0; g < GATEWAYS.size(); g++) {
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create(GATEWAYS.get(g) + "/actuator/prometheus")).timeout(Duration.ofSeconds(5))
                        .header("Authorization", "Bearer " + token("accord-monitoring", "metrics:read"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                line("gateway " + (g + 1) + " log integration delay since its (re)start", integrationDelay(metrics));
            }
            catch (IOException e) {
                line("gateway " + (g + 1) + " metrics", "not reachable");
            }
        }
        problems.stream().limit(5).forEach(p -> line("refused", p));
        System.out.println();
    }

    static String integrationDelay(String metrics) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        double max = 0;
        Pattern line = Pattern.compile("^(accord_log_integration_delay_seconds_(?:bucket|max))(\\{[^}]*})?\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(metrics);
        while (m.find()) {
            if (m.group(1).endsWith("_max")) {
                max = Math.max(max, Double.parseDouble(m.group(3)));
            }
            else {
                Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(m.group(2));
                if (le.find() && !le.group(1).equals("+Inf")) {
                    buckets.put(Double.parseDouble(le.group(1)), Double.parseDouble(m.group(3)));
                }
            }
        }
        if (buckets.isEmpty()) {
            return "no entries";
        }
        double count = buckets.lastEntry().getValue();
        double p99 = buckets.entrySet().stream().filter(b -> b.getValue() >= 0.99 * count).findFirst().map(Map.Entry::getKey).orElse(Double.NaN);
        return String.format(Locale.ROOT, "%.0f entries, p99 <= %.0f ms, recent max %.0f ms", count, p99 * 1000, max * 1000);
    }

    Map<String, Integer> mailbox(Set<String> wanted) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        String after = null;
        for (int page = 0; page < 1000; page++) {
            String url = LB + "/api/v1/mailbox?limit=1000" + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            String body = get(url, token("ctp-nw-prevent", "mailbox"));
            Matcher id = TRANSFER_ID.matcher(body);
            while (id.find()) {
                if (wanted.contains(id.group(1))) {
                    seen.merge(id.group(1), 1, Integer::sum);
                }
            }
            Matcher next = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            if (!next.find()) {
                break;
            }
            after = next.group(1);
        }
        return seen;
    }

    boolean chained(String transferId) throws Exception {
        String entries = get(LB + "/api/v1/audit/transfers?transferId=" + transferId, token("accord-dpo", "audit:read"));
        return entries.contains("\"chainIndex\":") && !entries.contains("\"chainIndex\":null") && entries.contains("\"event\":\"RECEIVED\"");
    }

    /** When the stub received a transfer it already had. */
    List<Instant> stubRepeats() throws IOException {
        List<Instant> repeats = new ArrayList<>();
        Path file = state.resolve("partner-stub/received.log");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split(" ");
                if (parts.length >= 4 && parts[3].equals("409") && Instant.parse(parts[0]).isAfter(started)) {
                    repeats.add(Instant.parse(parts[0]));
                }
            }
        }
        return repeats;
    }

    /**
     * The fault a repeated push at this instant can be put down to, or null: a gateway killed mid-delivery (up to 15 s
     * after), the primary broker killed (until 15 s after the backup served), or the primary restarted, when the pair
     * fails back to it once it has caught up (up to 60 s after).
     */
    String nearFault(Instant at) {
        Instant gatewayKilled = events.get("gateway-1-killed");
        if (gatewayKilled != null && Duration.between(gatewayKilled, at).abs().toSeconds() <= 15) {
            return "gateway-1-killed";
        }
        Instant brokerKilled = events.get("broker-primary-killed");
        Instant backupActive = events.getOrDefault("backup-active", brokerKilled);
        if (brokerKilled != null && !at.isBefore(brokerKilled.minusSeconds(2)) && !at.isAfter(backupActive.plusSeconds(15))) {
            return "broker-primary-killed";
        }
        Instant brokerRestarted = events.get("broker-primary-restarted");
        if (brokerRestarted != null && !at.isBefore(brokerRestarted.minusSeconds(2)) && !at.isAfter(brokerRestarted.plusSeconds(60))) {
            return "broker-primary-restarted";
        }
        return null;
    }

    Map<String, List<String>> stubLines() throws IOException {
        Map<String, List<String>> byTransfer = new LinkedHashMap<>();
        Path file = state.resolve("partner-stub/received.log");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split(" ");
                if (parts.length >= 4) {
                    byTransfer.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[3]);
                }
            }
        }
        return byTransfer;
    }

    String token(String client, String scope) throws Exception {
        String cached = tokens.get(client + " " + scope);
        return cached != null ? cached : fetchToken(client, scope);
    }

    /** One fetch at a time: senders that find no token wait for the one being fetched rather than each asking for their own. */
    synchronized String fetchToken(String client, String scope) throws Exception {
        String cached = tokens.get(client + " " + scope);
        if (cached != null) {
            return cached;
        }
        String secret = Files.readString(state.resolve("secrets/client-" + client)).strip();
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(IDP + "/oauth2/token")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token for " + client + ": HTTP " + response.statusCode());
        }
        tokens.put(client + " " + scope, token.group(1));
        return token.group(1);
    }

    String get(String url, String token) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 || attempt >= 5) {
                    return response.body();
                }
            }
            catch (IOException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
            Thread.sleep(1000);
        }
    }

    String envelope(String recordType, String recipient, String purpose, String example) throws IOException {
        String record = Files.readString(repository.resolve("schemas/examples/" + example));
        return "{\"recordType\":\"" + recordType + "\",\"schemaVersion\":1,\"recipient\":\"" + recipient + "\",\"purpose\":\"" + purpose
                + "\",\"record\":" + record + "}";
    }

    static Set<String> ids(List<Submit> submits, boolean pushed) {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        submits.stream().filter(s -> s.pushed == pushed && s.transferId != null).forEach(s -> ids.add(s.transferId));
        return ids;
    }

    void cluster(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("bash", clusterScript.toString()));
        args.addAll(List.of(command));
        log("cluster.sh " + String.join(" ", command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("cluster.sh " + String.join(" ", command) + " failed");
        }
    }

    void check(boolean ok, String what) {
        (ok ? passed : failed).add(what);
        System.out.println((ok ? "PASS " : "FAIL ") + what);
    }

    void sleepUntil(long secondsFromStart) throws InterruptedException {
        long wait = Duration.between(Instant.now(), started.plusSeconds(secondsFromStart)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void line(String name, String value) {
        System.out.printf(Locale.ROOT, "  %-85s %s%n", name, value);
    }

    void log(String message) {
        System.out.printf(Locale.ROOT, "[t+%5.1f s] %s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0, message);
    }

    static SSLContext trusting(Path ca) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(ca))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
