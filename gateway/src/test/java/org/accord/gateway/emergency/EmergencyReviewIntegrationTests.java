package org.accord.gateway.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.ConsoleSession;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An emergency disclosure to a partner whose backlog is full is accepted and listed first in its mailbox. The DPO's
 * review of it on a clock the test moves on: pending and not overdue at first; past
 * {@code accord.emergency.review-within} overdue in the API list, the health detail, the gauge and the console's front
 * page; recorded NOT_JUSTIFIED with a note and a reportable breach through the console form, after which it is no
 * longer overdue and the log has EMERGENCY_REVIEWED.
 */
class EmergencyReviewIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void whenTheReviewIsOverdueThenItShowsEverywhereUntilTheDpoRecordsIt() throws Exception {
        MovableClock clock = new MovableClock();
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(AccordApplication.class)
                .initializers(clock.asGatewayClock()).run("--server.port=0", "--accord.data-dir=" + dataDir,
                        "--accord.delivery.max-outstanding-per-recipient=1")) {
            GatewayClient client = GatewayClient.forContext(gateway);
            String routine = Fixtures.json(Fixtures.referral());
            String waiting = client.postJson("/api/v1/records", "uni-northbridge", routine).json().get("transferId").asString();
            assertThat(client.postJson("/api/v1/records", "uni-northbridge", routine).code()).isEqualTo("RECIPIENT_BACKLOG");
            ObjectNode body = Fixtures.submission("safeguarding-concern", "ctp-nw-prevent", "emergency-risk-to-life",
                    Fixtures.example("safeguarding-concern"));
            ObjectNode justification = body.putObject("justification");
            justification.put("basis", "SAFEGUARDING-INDIVIDUAL-AT-RISK");
            justification.put("risk", "Imminent risk of self-harm reported by a flatmate.");
            justification.putObject("authorisedBy").put("role", "Duty Director").put("name", "A. Senior");
            Response disclosed = client.postJson("/api/v1/emergency-disclosures", "uni-northbridge-duty-manager", Fixtures.json(body));
            assertThat(disclosed.status()).as(new String(disclosed.body())).isEqualTo(202);
            String id = disclosed.json().get("transferId").asString();
            assertThat(client.listedIds("/api/v1/mailbox", "ctp-nw-prevent")).as("past the full backlog, listed first")
                    .containsExactly(id, waiting);
            MeterRegistry meters = gateway.getBean(MeterRegistry.class);

            assertThat(listed(client, id).get("overdue").asBoolean()).isFalse();
            assertThat(gateway.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "select count(*) from transfer_log where event = 'AUDIT_READ' and actor = 'accord-dpo' and detail = ?", Long.class,
                    EmergencyDisclosuresController.READ_DETAIL)).as("the DPO's read of the list is logged").isEqualTo(1);
            assertThat(meters.get(EmergencyReviews.OVERDUE_GAUGE).gauge().value()).isZero();

            clock.advance(Duration.ofDays(3).plusMinutes(1));
            client = GatewayClient.forContext(gateway);
            assertThat(listed(client, id).get("overdue").asBoolean()).isTrue();
            assertThat(meters.get(EmergencyReviews.OVERDUE_GAUGE).gauge().value()).isEqualTo(1.0);
            JsonNode health = client.get("/actuator/health/emergencyReviews", "accord-monitoring").json();
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.get("details").get("overdue").asInt()).isEqualTo(1);

            int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
            ConsoleSession session = new ConsoleSession(port);
            ConsoleSession.Page front = session.signIn("dpo", password(), "/console/transfers");
            assertThat(front.body()).contains("emergency-overdue");
            ConsoleSession.Page page = session.get("/console/emergency/" + id);
            assertThat(page.body()).contains("SAFEGUARDING-INDIVIDUAL-AT-RISK", "Duty Director: A. Senior", "subject.names");
            ConsoleSession.Page refused = session.post("/console/emergency/" + id + "/review",
                    "decision=NOT_JUSTIFIED&_csrf=" + enc(ConsoleSession.csrf(page.body())));
            assertThat(refused.location()).as("a note and the breach question are needed").contains("error=not-justified");
            assertThat(listed(client, id).get("reviewStatus").asString()).isEqualTo("PENDING");

            ConsoleSession.Page recorded = session.post("/console/emergency/" + id + "/review", "decision=NOT_JUSTIFIED"
                    + "&note=" + enc("Risk was not imminent.") + "&reportableBreach=yes&_csrf=" + enc(ConsoleSession.csrf(page.body())));
            assertThat(recorded.status()).isEqualTo(302);
            JsonNode review = listed(client, id);
            assertThat(review.get("reviewStatus").asString()).isEqualTo("NOT_JUSTIFIED");
            assertThat(review.get("reportableBreach").asBoolean()).isTrue();
            assertThat(review.get("reviewedBy").asString()).isEqualTo("dpo");
            assertThat(review.get("overdue").asBoolean()).isFalse();
            assertThat(meters.get(EmergencyReviews.OVERDUE_GAUGE).gauge().value()).isZero();
            assertThat(client.logEntries(id)).anySatisfy(e -> {
                assertThat(e.get("event").asString()).isEqualTo("EMERGENCY_REVIEWED");
                assertThat(e.get("code").asString()).isEqualTo("NOT_JUSTIFIED");
                assertThat(e.get("detail").asString()).isEqualTo("reportable breach");
            });
        }
    }

    private static JsonNode listed(GatewayClient client, String id) {
        for (JsonNode d : client.get("/api/v1/emergency-disclosures", "accord-dpo").json().get("disclosures")) {
            if (d.get("transferId").asString().equals(id)) {
                return d;
            }
        }
        throw new AssertionError("not listed: " + id);
    }

    private String password() throws Exception {
        Properties users = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("demo").resolve("users.properties"))) {
            users.load(reader);
        }
        return users.getProperty("dpo");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
