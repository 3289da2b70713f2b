package org.accord.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The stored transfer log proves itself: concurrent submissions still make one valid chain, the DPO's
 * verification finds an entry changed behind the gateway's back, and an export verifies offline.
 */
class TransferLogIntegrityIntegrationTests extends GatewayIntegrationTest {

    private static final String DPO = "accord-dpo";

    @Autowired
    private Checkpointer checkpointer;

    @Autowired
    private LogIntegrator integrator;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void whenManySubmissionsRunConcurrentlyThenTheLogIsStillOneValidChain() throws Exception {
        String body = Fixtures.json(Fixtures.referral());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> client.postJson("/api/v1/records", "uni-northbridge", body).status()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(202);
            }
        }
        finally {
            pool.shutdown();
        }
        checkpointer.checkpointNow();

        JsonNode report = client.get("/api/v1/audit/verify", DPO).json();

        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("entriesChecked").asLong()).isGreaterThanOrEqualTo(120);
        assertThat(report.get("latestCheckpoint").get("chainIndex").asLong()).isPositive();
    }

    @Test
    void whenAnEntryIsChangedInTheDatabaseThenVerificationReportsTheFirstBrokenEntry() {
        Response submitted = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.referral()));
        String transferId = submitted.json().get("transferId").asString();
        integrator.integrateAll();
        long index = jdbc.queryForObject("select min(c.chain_index) from transfer_log e left join transfer_log_chain c on c.entry_seq = e.seq where e.transfer_id = ?", Long.class, transferId);
        String original = jdbc.queryForObject("select recipient from transfer_log where seq = (select entry_seq from transfer_log_chain where chain_index = ?)", String.class, index);
        try {
            jdbc.update("update transfer_log set recipient = 'la-northbridge-channel' where seq = (select entry_seq from transfer_log_chain where chain_index = ?)", index);

            JsonNode report = client.get("/api/v1/audit/verify", DPO).json();

            assertThat(report.get("valid").asBoolean()).isFalse();
            assertThat(report.get("firstBroken").get("chainIndex").asLong()).isEqualTo(index);
            assertThat(report.get("firstBroken").get("code").asString()).isEqualTo("ALTERED");
        }
        finally {
            jdbc.update("update transfer_log set recipient = ? where seq = (select entry_seq from transfer_log_chain where chain_index = ?)", original, index);
        }
        assertThat(client.get("/api/v1/audit/verify", DPO).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void whenTheLogIsExportedThenItVerifiesOfflineWithTheGatewayCertificateAndFailsWhenEdited(@TempDir Path dir) throws Exception {
        client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.referral()));
        checkpointer.checkpointNow();
        Response export = client.get("/api/v1/audit/export", DPO);
        assertThat(export.status()).isEqualTo(200);
        Path file = dir.resolve("log.jsonl");
        Files.write(file, export.body());
        Path certificate = DATA_DIR.resolve("pki/gateway.crt");

        assertThat(check(file, certificate)).isZero();

        String text = Files.readString(file);
        String edited = text.replaceFirst("\"event\":\"SEALED\"", "\"event\":\"REFUSED\"");
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(file, edited);
        assertThat(check(file, certificate)).isEqualTo(1);
        assertThat(new String(export.body(), StandardCharsets.UTF_8)).doesNotContain("Okafor", "Daniel");
    }

    private static int check(Path export, Path certificate) {
        return LogExportCheck.run(new String[] {export.toString(), certificate.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }
}
