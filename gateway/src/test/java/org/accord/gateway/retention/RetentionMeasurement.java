package org.accord.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.accord.gateway.AccordApplication;
import org.accord.gateway.audit.LogIntegrator;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.MovableClock;
import org.accord.gateway.support.TestDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention's figures, run by hand, never by the test suite (the name matches no test pattern, and each method needs
 * {@code -Daccord.measure.retention=true}):
 * <pre>
 * nice -n 19 ./mvnw -q -o -pl gateway test -Dtest=RetentionMeasurement#purgeOf100000Transfers -Daccord.measure.retention=true
 * nice -n 19 ./mvnw -q -o -pl gateway test -Dtest=RetentionMeasurement#diskGrowthPerTransfer -Daccord.measure.retention=true
 * </pre>
 * {@link #purgeOf100000Transfers} inserts 100,000 transfers straight into the embedded H2 database (half acknowledged
 * eight days ago, a quarter delivered by push eight days ago, a quarter never collected and 31 days old; each with a
 * 16 KiB sealed copy, two subject references and an idempotency key) and times one purge run over them.
 * {@link #diskGrowthPerTransfer} drives the real API for {@code accord.measure.days} simulated days of
 * {@code accord.measure.per-day} referrals each, all collected and acknowledged, moving the clock a day at a time,
 * with the purge off and then on ({@code accord.measure.purge=on|off|both}), and reports the database file's size per
 * transfer ({@code accord.measure.transfer-log} shortens the log's period, to see the archive at work too). Each
 * simulated day lasts {@code accord.measure.day-seconds} (50) of real time, longer than H2 keeps a chunk it could
 * reuse; the embedded store's compaction runs every 10 s unless {@code -Daccord.measure.no-compaction=true}. Results go to standard out
 * and to {@code target/retention-measurement.txt}.
 */
@EnabledIfSystemProperty(named = "accord.measure.retention", matches = "true")
class RetentionMeasurement {

    private static final int TRANSFERS = Integer.getInteger("accord.measure.transfers", 100_000);
    private static final int SEALED_BYTES = 16 * 1024;
    private static final int DAY_SECONDS = Integer.getInteger("accord.measure.day-seconds", 50);
    private static final Path RESULTS = Path.of("target", "retention-measurement.txt");

    @Test
    void purgeOf100000Transfers() throws Exception {
        Path root = TestDirs.create("accord-purge-measure-");
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(AccordApplication.class)
                .run("--server.port=0", "--accord.data-dir=" + root.resolve("data"))) {
            JdbcTemplate jdbc = gateway.getBean(JdbcTemplate.class);
            long inserting = System.nanoTime();
            insert(jdbc, TRANSFERS);
            double insertSeconds = (System.nanoTime() - inserting) / 1e9;
            long before = databaseBytes(root);

            long start = System.nanoTime();
            RetentionPurge.RunCounts run = gateway.getBean(RetentionPurge.class).run();
            double seconds = (System.nanoTime() - start) / 1e9;
            long integrating = System.nanoTime();
            gateway.getBean(LogIntegrator.class).integrateAll();
            double integrateSeconds = (System.nanoTime() - integrating) / 1e9;

            assertThat(run.outcome()).isEqualTo("OK");
            assertThat(run.sealedPurged() + run.expired()).isEqualTo(TRANSFERS);
            report(String.format("purge of %,d transfers on H2 (embedded): %.1f s (%.2f ms per transfer); sealed copies deleted %,d, "
                    + "expired %,d, senders warned %,d, idempotency keys cleared %,d; then the integrator chained the %,d new log "
                    + "entries in %.1f s; inserting the transfers took %.1f s; database file %,d bytes before the run, %,d after; "
                    + "batch size %d, %d cores", TRANSFERS, seconds, seconds * 1000 / TRANSFERS, run.sealedPurged(), run.expired(),
                    run.warned(), run.idempotencyKeysCleared(), run.sealedPurged() + run.expired(), integrateSeconds, insertSeconds,
                    before, databaseBytes(root), gateway.getBean(RetentionProperties.class).batchSize(),
                    Runtime.getRuntime().availableProcessors()));
        }
        finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(root);
        }
    }

    @Test
    void diskGrowthPerTransfer() throws Exception {
        int days = Integer.getInteger("accord.measure.days", 40);
        int perDay = Integer.getInteger("accord.measure.per-day", 50);
        boolean compacting = !Boolean.getBoolean("accord.measure.no-compaction");
        String purge = System.getProperty("accord.measure.purge", "both");
        List<Boolean> runs = "both".equals(purge) ? List.of(false, true) : List.of("on".equals(purge));
        for (boolean purging : runs) {
            List<Long> sizes = growth(purging, compacting, days, perDay);
            long firstHalf = sizes.get(days / 2) - sizes.get(0);
            long secondHalf = sizes.get(days) - sizes.get(days / 2);
            int half = days / 2 * perDay;
            report(String.format("purge %s, compaction %s: %d days of %d acknowledged referrals; database file %,d bytes at the start, %,d at day %d, "
                    + "%,d at day %d; growth per transfer %,d bytes in the first half, %,d in the second; sizes by day %s",
                    purging ? "on" : "off", compacting ? "on" : "off", days, perDay, sizes.get(0), sizes.get(days / 2), days / 2, sizes.get(days), days,
                    firstHalf / half, secondHalf / half, sizes));
        }
    }

    private static List<Long> growth(boolean purging, boolean compacting, int days, int perDay) throws Exception {
        MovableClock clock = new MovableClock();
        Path root = TestDirs.create("accord-growth-measure-");
        List<Long> sizes = new ArrayList<>();
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(AccordApplication.class)
                .initializers(clock.asGatewayClock()).run("--server.port=0", "--accord.data-dir=" + root.resolve("data"),
                        "--accord.retention.enabled=" + purging, "--accord.retention.purge-every=PT24H",
                        "--accord.storage.h2-compact-every=" + (compacting ? "PT10S" : "PT24H"),
                        "--accord.retention.transfer-log=" + System.getProperty("accord.measure.transfer-log", "P6Y"))) {
            sizes.add(databaseBytes(root));
            for (int day = 1; day <= days; day++) {
                GatewayClient client = GatewayClient.forContext(gateway);
                for (int i = 0; i < perDay; i++) {
                    GatewayClient.Response submitted = client.postJson("/api/v1/records", "uni-northbridge",
                            Fixtures.json(Fixtures.referral()));
                    String id = submitted.json().get("transferId").asString();
                    client.get("/api/v1/mailbox/" + id, "ctp-nw-prevent");
                    client.post("/api/v1/mailbox/" + id + "/ack", "ctp-nw-prevent", null, new byte[0], Map.of());
                }
                gateway.getBean(LogIntegrator.class).integrateAll();
                // H2 reuses a chunk's space, and rewrites a chunk, only once it is older than its retention time
                // (45 s of real time); a simulated day must last longer than that, or nothing could be reused.
                Thread.sleep(DAY_SECONDS * 1000L);
                clock.advance(Duration.ofDays(1));
                if (purging) {
                    gateway.getBean(RetentionPurge.class).run();
                    gateway.getBean(LogIntegrator.class).integrateAll();
                }
                sizes.add(databaseBytes(root));
            }
        }
        finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(root);
        }
        return sizes;
    }

    private static void insert(JdbcTemplate jdbc, int count) {
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        OffsetDateTime old = now.minusDays(31);
        OffsetDateTime acknowledged = now.minusDays(8);
        byte[] sealed = new byte[SEALED_BYTES];
        ThreadLocalRandom.current().nextBytes(sealed);
        int batch = 1000;
        for (int from = 0; from < count; from += batch) {
            List<Object[]> transfers = new ArrayList<>();
            List<Object[]> messages = new ArrayList<>();
            List<Object[]> subjects = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + batch); i++) {
                String id = UUID.randomUUID().toString();
                String status = i % 4 < 2 ? "ACKNOWLEDGED" : i % 4 == 2 ? "DELIVERED" : "AVAILABLE";
                String channel = "DELIVERED".equals(status) ? "https" : "mailbox";
                transfers.add(new Object[] { id, "uni-northbridge/safeguarding-lead", "ctp-nw-prevent", "prevent-referral", 1,
                        "prevent-referral-assessment", "outbound", "isa-northbridge-prevent-referrals", 1, "a".repeat(64), channel, status,
                        "b".repeat(64), "c".repeat(64), SEALED_BYTES, "key-" + id, "d".repeat(64), old,
                        "AVAILABLE".equals(status) ? old : acknowledged, old });
                messages.add(new Object[] { id, sealed });
                subjects.add(new Object[] { id, "e" + id.replace("-", "").substring(0, 31) + "0".repeat(32) });
                subjects.add(new Object[] { id, "f" + id.replace("-", "").substring(0, 31) + "1".repeat(32) });
            }
            jdbc.batchUpdate("insert into transfer (id, sender, recipient, record_type, schema_version, purpose, direction, agreement_id, "
                    + "agreement_version, agreement_sha256, channel, status, sealed_sha256, signer_sha256, sealed_size, idempotency_key, "
                    + "request_sha256, created_at, updated_at, delivery_started_at, row_version) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", transfers);
            jdbc.batchUpdate("insert into sealed_message (transfer_id, content) values (?, ?)", messages);
            jdbc.batchUpdate("insert into transfer_subject (transfer_id, subject_ref) values (?, ?)", subjects);
        }
    }

    private static long databaseBytes(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("data").resolve("db"))) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void report(String line) throws IOException {
        System.out.println("RETENTION-MEASUREMENT " + line);
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, Instant.now() + " " + line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
