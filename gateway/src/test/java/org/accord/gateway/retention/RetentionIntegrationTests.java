package org.accord.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.accord.gateway.AccordApplication;
import org.accord.gateway.audit.ChainVerifier;
import org.accord.gateway.audit.Checkpointer;
import org.accord.gateway.audit.LogExport;
import org.accord.gateway.audit.LogIntegrator;
import org.accord.gateway.audit.LogIntegrity;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.MovableClock;
import org.accord.gateway.support.TestDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Retention end to end on the embedded gateway (H2), on a clock the tests move on instead of waiting: each rule at
 * its boundary (a minute before: kept; a minute after: deleted), a purge racing downloads and acknowledgements,
 * and the log's old segment archived and verified offline with the live log as one chain. Time only moves forward,
 * so the tests run in order, each with messages of its own. The purge is run by calling it, not by its schedule.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionIntegrationTests {

    private static final String UNI = "uni-northbridge";
    private static final String SUPPORT = "uni-northbridge-student-support";
    private static final String POLICE = "ctp-nw-prevent";
    private static final String DPO = "accord-dpo";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final MovableClock CLOCK = new MovableClock();

    private static Path root;
    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void start() throws Exception {
        root = TestDirs.create("accord-retention-");
        gateway = new SpringApplicationBuilder(AccordApplication.class).initializers(CLOCK.asGatewayClock())
                .run("--server.port=0", "--accord.data-dir=" + root.resolve("data"), "--accord.retention.batch-size=7");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** A client with fresh tokens: a token from before the clock moved on would have expired. */
    private static GatewayClient client() {
        return GatewayClient.forContext(gateway);
    }

    private static RetentionPurge.RunCounts purge() {
        return gateway.getBean(RetentionPurge.class).run();
    }

    private static JdbcTemplate jdbc() {
        return gateway.getBean(JdbcTemplate.class);
    }

    private static boolean sealedCopyHeld(String transferId) {
        return jdbc().queryForObject("select count(*) from sealed_message where transfer_id = ?", Integer.class, transferId) == 1;
    }

    private static List<String> events(GatewayClient client, String transferId) {
        return client.logEntries(transferId).stream().map(e -> e.get("event").asString()).toList();
    }

    private static String concernStatus(GatewayClient client, String id) {
        return client.get("/api/v1/transfers/" + id, SUPPORT).json().get("status").asString();
    }

    private static String submitReferral(GatewayClient client) {
        Response submitted = client.postJson("/api/v1/records", UNI, Fixtures.json(Fixtures.referral()));
        assertThat(submitted.status()).as(new String(submitted.body())).isEqualTo(202);
        return submitted.json().get("transferId").asString();
    }

    private static String submitConcern(GatewayClient client) {
        Response submitted = client.postJson("/api/v1/records", SUPPORT, Fixtures.json(Fixtures.submission("safeguarding-concern",
                "uni-northbridge/safeguarding-lead", "internal-safeguarding-escalation", Fixtures.example("safeguarding-concern"))));
        assertThat(submitted.status()).as(new String(submitted.body())).isEqualTo(202);
        return submitted.json().get("transferId").asString();
    }

    @Test
    @Order(1)
    void whenAnAcknowledgedMessageHasBeenKeptItsPeriodThenItsSealedCopyIsDeletedAndADownloadAnswersGone() {
        GatewayClient client = client();
        String id = submitReferral(client);
        assertThat(client.post("/api/v1/mailbox/" + id + "/ack", POLICE, null, new byte[0], Map.of()).status()).isEqualTo(200);

        CLOCK.advance(Duration.ofDays(7).minus(MINUTE));
        purge();
        assertThat(sealedCopyHeld(id)).as("a minute before seven days").isTrue();

        CLOCK.advance(MINUTE.multipliedBy(2));
        RetentionPurge.RunCounts run = purge();

        client = client();
        assertThat(run.sealedPurged()).isGreaterThanOrEqualTo(1);
        assertThat(sealedCopyHeld(id)).isFalse();
        Response download = client.get("/api/v1/mailbox/" + id, POLICE);
        assertThat(download.status()).isEqualTo(410);
        assertThat(download.code()).isEqualTo("PURGED");
        assertThat(client.transferStatus(id)).as("the transfer stays").isEqualTo("ACKNOWLEDGED");
        List<JsonNode> entries = client.logEntries(id);
        JsonNode purged = entries.get(entries.size() - 1);
        assertThat(purged.get("event").asString()).isEqualTo("PURGED");
        assertThat(purged.get("code").asString()).isEqualTo("SEALED_COPY");
        assertThat(purged.get("sealedSha256").asString()).as("the digest, never the content")
                .isEqualTo(jdbc().queryForObject("select sealed_sha256 from transfer where id = ?", String.class, id));
    }

    @Test
    @Order(2)
    void whenAMessageIsNotCollectedWithinItsFlowsPeriodThenTheSenderIsWarnedAWeekBeforeAndThenItExpires() {
        GatewayClient client = client();
        String referral = submitReferral(client);
        String concern = submitConcern(client);
        String key = "retention-" + referral;
        Response keyed = client.post("/api/v1/records", UNI, "application/json",
                Fixtures.json(Fixtures.referral()).getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("Idempotency-Key", key));
        assertThat(keyed.status()).isEqualTo(202);

        CLOCK.advance(Duration.ofDays(7).minus(MINUTE));
        purge();
        assertThat(events(client(), referral)).doesNotContain("EXPIRY_WARNED");

        CLOCK.advance(MINUTE.multipliedBy(2));
        purge();
        client = client();
        assertThat(events(client, referral)).as("collectWithin P14D, warned P7D before").contains("EXPIRY_WARNED");
        assertThat(events(client, concern)).as("the default P30D is not yet within a week").doesNotContain("EXPIRY_WARNED");

        CLOCK.advance(Duration.ofDays(7).minus(MINUTE.multipliedBy(2)));
        purge();
        assertThat(client().transferStatus(referral)).as("a minute before 14 days").isEqualTo("AVAILABLE");

        CLOCK.advance(MINUTE.multipliedBy(2));
        RetentionPurge.RunCounts run = purge();
        client = client();
        assertThat(run.expired()).isGreaterThanOrEqualTo(1);
        assertThat(client.transferStatus(referral)).as("the sender sees it").isEqualTo("EXPIRED");
        assertThat(sealedCopyHeld(referral)).isFalse();
        assertThat(client.get("/api/v1/mailbox/" + referral, POLICE).code()).isEqualTo("PURGED");
        assertThat(client.post("/api/v1/mailbox/" + referral + "/ack", POLICE, null, new byte[0], Map.of()).code()).isEqualTo("PURGED");
        assertThat(client.listedIds("/api/v1/mailbox", POLICE)).doesNotContain(referral);
        assertThat(events(client, referral)).endsWith("EXPIRED");
        assertThat(concernStatus(client, concern)).isEqualTo("AVAILABLE");

        // The inbox message falls under the default period, P30D from when it was made.
        CLOCK.advance(Duration.ofDays(16).minus(MINUTE.multipliedBy(2)));
        purge();
        assertThat(events(client(), concern)).as("a week before P30D").contains("EXPIRY_WARNED");
        assertThat(jdbc().queryForObject("select count(*) from transfer where idempotency_key = ?", Integer.class, key))
                .as("an idempotency key a minute before P30D").isEqualTo(1);
        assertThat(concernStatus(client(), concern)).isEqualTo("AVAILABLE");
        CLOCK.advance(Duration.ofDays(7));
        purge();
        client = client();
        assertThat(concernStatus(client, concern)).isEqualTo("EXPIRED");
        assertThat(client.get("/api/v1/inbox/" + concern, UNI).code()).isEqualTo("PURGED");
        assertThat(jdbc().queryForObject("select count(*) from transfer where idempotency_key = ?", Integer.class, key))
                .as("cleared after P30D").isZero();
        assertThat(gateway.getBean(io.micrometer.core.instrument.MeterRegistry.class).get("accord.retention.expired").counter().count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(3)
    void whenAPurgeRacesDownloadsAndAcknowledgementsThenEachAnswerMatchesWhatHappenedAndNoneFails() throws Exception {
        GatewayClient client = client();
        List<String> downloaded = new ArrayList<>();
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            downloaded.add(submitReferral(client));
            acknowledged.add(submitReferral(client));
        }
        CLOCK.advance(Duration.ofDays(14).plus(MINUTE));
        GatewayClient racing = client();
        racing.token(POLICE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> downloads = new ArrayList<>();
            List<Future<Response>> acks = new ArrayList<>();
            Future<RetentionPurge.RunCounts> run = pool.submit(RetentionIntegrationTests::purge);
            for (int i = 0; i < downloaded.size(); i++) {
                String d = downloaded.get(i);
                String a = acknowledged.get(i);
                downloads.add(pool.submit((Callable<Response>) () -> racing.get("/api/v1/mailbox/" + d, POLICE)));
                acks.add(pool.submit((Callable<Response>) () -> racing.post("/api/v1/mailbox/" + a + "/ack", POLICE, null, new byte[0], Map.of())));
            }
            run.get();
            purge();
            for (int i = 0; i < downloaded.size(); i++) {
                Response download = downloads.get(i).get();
                String id = downloaded.get(i);
                assertThat(download.status()).as("download of %s: %s", id, new String(download.body())).isIn(200, 410);
                if (download.status() == 200) {
                    assertThat(Fingerprints.sha256Hex(download.body())).as("the whole sealed message")
                            .isEqualTo(jdbc().queryForObject("select sealed_sha256 from transfer where id = ?", String.class, id));
                }
                else {
                    assertThat(download.code()).isEqualTo("PURGED");
                }
                assertThat(client().transferStatus(id)).as("expired in the end, downloaded or not").isEqualTo("EXPIRED");

                Response ack = acks.get(i).get();
                String acked = acknowledged.get(i);
                assertThat(ack.status()).as("ack of %s: %s", acked, new String(ack.body())).isIn(200, 410);
                assertThat(client().transferStatus(acked)).as("acknowledged if the acknowledgement won, expired if the purge did")
                        .isEqualTo(ack.status() == 200 ? "ACKNOWLEDGED" : "EXPIRED");
                assertThat(sealedCopyHeld(acked)).isEqualTo(ack.status() == 200);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void whenTheRetentionReportIsReadThenItShowsWhatIsHeldDueAndTheLastRun() {
        GatewayClient client = client();
        JsonNode report = client.get("/api/v1/retention", DPO).json();
        assertThat(report.get("held").get("expiredTransfers").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(report.get("held").get("subjectReferences").asLong()).isGreaterThan(0);
        assertThat(report.get("lastRun").get("outcome").asString()).isEqualTo("OK");
        assertThat(report.get("settings").get("transfer-log").asString()).isEqualTo("P6Y");
        assertThat(client.get("/api/v1/retention", POLICE).status()).as("audit:read only").isEqualTo(403);
    }

    @Test
    @Order(5)
    void whenTheLogIsOlderThanItsPeriodThenItIsArchivedAndTheArchiveVerifiesOfflineWithTheLiveLogAsOneChain() throws Exception {
        GatewayClient client = client();
        String keyed = submitReferral(client);
        gateway.getBean(LogIntegrator.class).integrateAll();
        gateway.getBean(Checkpointer.class).checkpointNow();
        long refs = jdbc().queryForObject("select count(*) from transfer_subject where transfer_id = ?", Long.class, keyed);
        assertThat(refs).as("the referral has subject references").isGreaterThan(0);

        CLOCK.advance(Duration.ofDays(6 * 366));
        RetentionPurge.RunCounts run = purge();
        client = client();

        assertThat(run.outcome()).isEqualTo("OK");
        assertThat(run.subjectReferencesPurged()).isGreaterThan(0);
        assertThat(jdbc().queryForObject("select count(*) from transfer_subject where transfer_id = ?", Long.class, keyed)).isZero();
        assertThat(run.logEntriesArchived()).isGreaterThan(0);
        assertThat(run.archivesWritten()).isGreaterThan(0);

        JsonNode live = client.get("/api/v1/audit/verify", DPO).json();
        assertThat(live.get("valid").asBoolean()).as(live.toString()).isTrue();
        assertThat(live.get("firstEntry").asLong()).as("starts after the archived segment").isGreaterThan(1);
        assertThat(jdbc().queryForObject("select count(*) from transfer_log where event = 'LOG_ARCHIVED'", Long.class)).isPositive();

        Path exported = root.resolve("live.jsonl");
        Files.write(exported, client.get("/api/v1/audit/export", DPO).body());
        List<Path> archives;
        try (Stream<Path> files = Files.list(root.resolve("data").resolve("archive"))) {
            archives = files.sorted().toList();
        }
        assertThat(archives).isNotEmpty();
        List<Path> chain = new ArrayList<>(archives);
        chain.add(exported);
        LogIntegrity integrity = gateway.getBean(LogIntegrity.class);
        ChainVerifier.Report whole = verify(chain, integrity);
        assertThat(whole.valid()).as(String.valueOf(whole.firstBroken())).isTrue();
        assertThat(whole.firstEntry()).isEqualTo(1);
        assertThat(whole.entriesChecked()).as("every archived entry and every live one")
                .isGreaterThanOrEqualTo(run.logEntriesArchived() + live.get("entriesChecked").asLong());
        assertThat(verify(List.of(exported), integrity).valid()).as("the live log alone, anchored by its checkpoint").isTrue();

        Path tampered = root.resolve("tampered.jsonl");
        Files.writeString(tampered, Files.readString(archives.get(0)).replaceFirst("\"event\":\"RECEIVED\"", "\"event\":\"REFUSED\""));
        List<Path> broken = new ArrayList<>(archives);
        broken.set(0, tampered);
        broken.add(exported);
        assertThat(verify(broken, integrity).firstBroken().code()).isEqualTo("ALTERED");
    }

    private static ChainVerifier.Report verify(List<Path> files, LogIntegrity integrity) throws Exception {
        List<InputStream> streams = new ArrayList<>();
        try {
            for (Path file : files) {
                streams.add(Files.newInputStream(file));
            }
            return LogExport.verify(streams, integrity.trustedCertificates());
        }
        finally {
            for (InputStream in : streams) {
                in.close();
            }
        }
    }
}
