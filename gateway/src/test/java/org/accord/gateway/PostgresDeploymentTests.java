package org.accord.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.accord.gateway.audit.Checkpointer;
import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The production database set-up on a real PostgreSQL: Flyway migrates as the owner role, the after-migrate
 * callback grants the run-time role what it needs, and the gateway runs as that role: concurrent submits make
 * one valid chain, a mailbox round trip and a refusal are logged, an inbound message gets its receipt kept and a
 * refused one releases its transfer id, a checkpoint is signed, sealed messages are stored inline, and the run-time
 * role cannot change or remove log entries.
 */
class PostgresDeploymentTests {

    private static final String UNI = "uni-northbridge";
    private static final String POLICE = "ctp-nw-prevent";
    private static final String DPO = "accord-dpo";

    @TempDir
    Path dataDir;

    @Test
    void whenTheGatewayRunsOnPostgresAsTheApplicationRoleThenTheFlowWorksAndTheLogIsAppendOnly() throws Exception {
        try (TestPostgres postgres = TestPostgres.start()) {
            String url = postgres.newDatabase("accord");
            List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--accord.data-dir=" + dataDir,
                    // As the prod profile has it: batches of inserts go as multi-row inserts.
                    "--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true"));
            arguments.addAll(postgres.gatewayArguments(url));
            try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(AccordApplication.class)
                    .run(arguments.toArray(String[]::new))) {
                assertThat(gateway.getBean(JdbcTemplate.class)
                        .queryForObject("select current_user", String.class)).isEqualTo("accord_app");
                assertThat(gateway.getBean(JdbcTemplate.class)
                        .queryForList("select name from shedlock", String.class))
                        .as("the relay's sweep at start took its cluster lock as the application role").contains("delivery-relay");
                GatewayClient client = GatewayClient.forContext(gateway);
                String body = Fixtures.json(Fixtures.referral());

                List<String> accepted = submitConcurrently(client, body, 24);
                assertThat(accepted).hasSize(24);

                String first = accepted.get(0);
                assertThat(client.get("/api/v1/mailbox", POLICE).json().get("messages").toString()).contains(first);
                assertThat(client.get("/api/v1/mailbox/" + first, POLICE).status()).isEqualTo(200);
                assertThat(client.post("/api/v1/mailbox/" + first + "/ack", POLICE, null, new byte[0], Map.of()).status())
                        .isEqualTo(200);

                Response refused = client.postJson("/api/v1/records", UNI, body.replace(POLICE, "uni-eastmoor"));
                assertThat(refused.status()).isEqualTo(403);
                String refusalId = refused.json().get("refusalId").asString();
                assertThat(client.get("/api/v1/audit/transfers?transferId=" + refusalId, DPO).json().get("entries").get(0)
                        .get("event").asString()).isEqualTo("REFUSED");

                // Inbound as the application role: a receipt kept and returned for a repeat, and a refused
                // message's transfer id released (the role's only DELETE).
                byte[] outcome = sealedForGateway(outcomeMessage("referral-outcome", "referral-feedback"));
                Response inbound = client.post("/api/v1/inbound", POLICE, "application/pkcs7-mime", outcome, Map.of());
                Response repeat = client.post("/api/v1/inbound", POLICE, "application/pkcs7-mime", outcome, Map.of());
                assertThat(inbound.status()).as(new String(inbound.body())).isEqualTo(202);
                assertThat(repeat.json().get("receipt").asString()).isEqualTo(inbound.json().get("receipt").asString());
                byte[] notCovered = sealedForGateway(outcomeMessage("prevent-referral", "prevent-referral-assessment"));
                assertThat(client.post("/api/v1/inbound", POLICE, "application/pkcs7-mime", notCovered, Map.of()).code())
                        .isEqualTo("REFUSED_BY_AGREEMENT");
                assertThat(client.post("/api/v1/inbound", POLICE, "application/pkcs7-mime", notCovered, Map.of()).code())
                        .isEqualTo("REFUSED_BY_AGREEMENT");

                assertThat(gateway.getBean(Checkpointer.class).checkpointNow()).isPresent();
                JsonNode report = client.get("/api/v1/audit/verify", DPO).json();
                assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
                assertThat(report.get("entriesChecked").asLong()).as("3 per transfer, 2 for the round trip, 1 refusal")
                        .isGreaterThanOrEqualTo(24 * 3 + 2 + 1);
            }

            JdbcTemplate owner = new JdbcTemplate(postgres.asOwner(url));
            assertThat(owner.queryForObject("select pg_relation_size(reltoastrelid) from pg_class where relname = 'sealed_message'", Long.class))
                    .as("sealed messages of a few KB are kept inline, not moved out into TOAST").isZero();
            assertThat(owner.queryForList("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and c.relkind = 'r' and not has_table_privilege(?, c.oid, 'SELECT') order by c.relname",
                    String.class, TestPostgres.APP))
                    .as("tables the application role cannot read: a migration's table missing from "
                            + "db/postgresql/afterMigrate__grant_application_role.sql").isEmpty();

            try (Connection app = postgres.asApplication(url).getConnection(); Statement sql = app.createStatement()) {
                // The DPO's review of an emergency disclosure: written with the transfer, completed later.
                sql.executeUpdate("insert into emergency_review (transfer_id, sender, recipient, record_type, schema_version, purpose,"
                        + " basis, authorised_by, risk, fields_shared, created_at, due_at, status, row_version) values ('review-grant-check',"
                        + " '" + UNI + "', '" + POLICE + "', 'prevent-referral', 1, 'p', 'b', 'a', 'r', 'f', now(), now(), 'PENDING', 0)");
                assertThat(sql.executeUpdate("update emergency_review set status = 'REVIEWED' where transfer_id = 'review-grant-check'"))
                        .isEqualTo(1);
                assertThatThrownBy(() -> sql.executeUpdate("update transfer_log set detail = 'edited'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("delete from transfer_log"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                // The role inserts an entry's place in the chain (the integrator does) and can never move or remove it.
                assertThatThrownBy(() -> sql.executeUpdate("update transfer_log_chain set entry_hash = prev_hash"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("delete from transfer_log_chain"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("delete from transfer_log_checkpoint"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("delete from transfer"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
    }

    private String outcomeMessage(String recordType, String purpose) {
        return "{\"sender\":\"" + POLICE + "\",\"recipient\":\"" + UNI + "/safeguarding-lead\",\"recordType\":\"" + recordType
                + "\",\"schemaVersion\":1,\"purpose\":\"" + purpose + "\",\"record\":"
                + Fixtures.json(Fixtures.example(recordType)) + "}";
    }

    private byte[] sealedForGateway(String message) {
        DemoPki pki = DemoPki.ensure(dataDir.resolve("pki"), List.of(POLICE));
        return new CmsSealer(pki.partnerKey(POLICE), List.of(pki.partnerCertificate(POLICE)))
                .seal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.UUID.randomUUID().toString(),
                        pki.gatewayCertificate()).der();
    }

    private static List<String> submitConcurrently(GatewayClient client, String body, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> client.postJson("/api/v1/records", UNI, body)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> future : futures) {
                Response response = future.get();
                assertThat(response.status()).as(new String(response.body())).isEqualTo(202);
                ids.add(response.json().get("transferId").asString());
            }
            return ids;
        }
        finally {
            pool.shutdownNow();
        }
    }
}
