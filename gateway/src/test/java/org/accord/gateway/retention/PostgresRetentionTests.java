package org.accord.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accord.gateway.AccordApplication;
import org.accord.gateway.audit.Checkpointer;
import org.accord.gateway.audit.LogIntegrator;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.MovableClock;
import org.accord.gateway.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Retention on a real PostgreSQL as the production roles set it up: the run-time role deletes sealed copies and
 * subject references, and archives the log's old segment only through {@code accord_prune_transfer_log} (it still
 * holds no {@code DELETE} on the log), after which the live chain verifies from its anchor. The clock is moved on.
 */
class PostgresRetentionTests {

    private static final String UNI = "uni-northbridge";
    private static final String POLICE = "ctp-nw-prevent";
    private static final String DPO = "accord-dpo";

    @TempDir
    Path dataDir;

    @Test
    void whenTheGatewayRunsAsTheApplicationRoleThenThePurgeDeletesWhatIsDueAndArchivesTheLogThroughTheFunction() throws Exception {
        MovableClock clock = new MovableClock();
        try (TestPostgres postgres = TestPostgres.start()) {
            String url = postgres.newDatabase("accord");
            List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--accord.data-dir=" + dataDir));
            arguments.addAll(postgres.gatewayArguments(url));
            try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(AccordApplication.class)
                    .initializers(clock.asGatewayClock()).run(arguments.toArray(String[]::new))) {
                JdbcTemplate jdbc = gateway.getBean(JdbcTemplate.class);
                GatewayClient client = GatewayClient.forContext(gateway);
                String acknowledged = submit(client);
                String uncollected = submit(client);
                assertThat(client.post("/api/v1/mailbox/" + acknowledged + "/ack", POLICE, null, new byte[0], Map.of()).status())
                        .isEqualTo(200);
                gateway.getBean(LogIntegrator.class).integrateAll();
                gateway.getBean(Checkpointer.class).checkpointNow();

                clock.advance(Duration.ofDays(15));
                RetentionPurge.RunCounts run = gateway.getBean(RetentionPurge.class).run();
                assertThat(run.outcome()).isEqualTo("OK");
                assertThat(run.sealedPurged()).isEqualTo(1);
                assertThat(run.expired()).isEqualTo(1);
                client = GatewayClient.forContext(gateway);
                assertThat(client.get("/api/v1/mailbox/" + uncollected, POLICE).code()).isEqualTo("PURGED");
                assertThat(jdbc.queryForObject("select count(*) from sealed_message where transfer_id in (?, ?)", Integer.class,
                        acknowledged, uncollected)).isZero();

                clock.advance(Duration.ofDays(6 * 366));
                run = gateway.getBean(RetentionPurge.class).run();
                assertThat(run.outcome()).isEqualTo("OK");
                assertThat(run.subjectReferencesPurged()).isPositive();
                assertThat(run.logEntriesArchived()).isPositive();
                client = GatewayClient.forContext(gateway);
                JsonNode report = client.get("/api/v1/audit/verify", DPO).json();
                assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
                assertThat(report.get("firstEntry").asLong()).isGreaterThan(1);
                assertThat(client.get("/api/v1/retention", DPO).json().get("held").get("archives").size()).isPositive();
            }

            try (Connection app = postgres.asApplication(url).getConnection(); Statement sql = app.createStatement()) {
                assertThatThrownBy(() -> sql.executeUpdate("delete from transfer_log"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("delete from transfer_log_chain"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeQuery("select accord_prune_transfer_log(999999)"))
                        .as("only up to a signed checkpoint").isInstanceOf(SQLException.class)
                        .hasMessageContaining("no signed checkpoint");
            }
        }
    }

    private static String submit(GatewayClient client) {
        GatewayClient.Response submitted = client.postJson("/api/v1/records", UNI, Fixtures.json(Fixtures.referral()));
        assertThat(submitted.status()).as(new String(submitted.body())).isEqualTo(202);
        return submitted.json().get("transferId").asString();
    }
}
