package org.accord.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.accord.gateway.support.ConsoleSession;
import org.accord.gateway.support.ConsoleSession.Page;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DPO console over real HTTP: sign-in through the embedded authorization server's OIDC flow, role checks,
 * the transfers list, detail and exports, refusals, subject searches, and that every read is logged and no page
 * carries a record's personal data.
 */
class ConsoleIntegrationTests extends GatewayIntegrationTest {

    /** Values from the example referral that must never appear in the console. */
    static final List<String> PERSONAL_VALUES = List.of("Okafor", "Daniel", "NB20240931", "2006-03-14", "Harrow Court",
            "07700 900461", "123-456-7890", "Priya");

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void whenUnauthenticatedBrowserOpensConsoleThenItIsSentToSignIn() {
        ConsoleSession session = consoleSession();

        Page first = session.get("/console/transfers");
        Page end = session.follow("/console/transfers");

        assertThat(first.status()).isEqualTo(302);
        assertThat(first.location()).endsWith("/oauth2/authorization/accord");
        assertThat(end.status()).isEqualTo(200);
        assertThat(end.uri().getPath()).isEqualTo("/login");
        assertThat(end.body()).contains("name=\"username\"", "name=\"password\"", "_csrf");
        assertThat(session.hops()).anyMatch(h -> h.contains("/oauth2/authorize?") && h.contains("code_challenge="));
    }

    @Test
    void whenBrowserOpensConsoleOnLocalhostThenItIsMovedToTheLoopbackAddressFirst() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

        java.net.http.HttpResponse<Void> response = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/console/transfers?outcome=refused")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("http://127.0.0.1:" + port + "/console/transfers?outcome=refused");
    }

    @Test
    void whenDpoSignsInThenTransfersShowMetadataAndNeverRecordValues() {
        String transferId = submitReferral();
        ConsoleSession session = consoleSession();

        Page list = session.signIn("dpo", demoPassword("dpo"), "/console");
        Page detail = session.get("/console/transfers/" + transferId);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.uri().getPath()).isEqualTo("/console/transfers");
        assertThat(list.body()).contains("Signed in as", ">dpo<", transferId, "isa-northbridge-prevent-referrals v");
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("RECEIVED", "SEALED", "UK-GDPR-6-1-e", "subject.names", "subject.religion",
                "isa-northbridge-prevent-referrals");
        for (String value : PERSONAL_VALUES) {
            assertThat(list.body()).doesNotContain(value);
            assertThat(detail.body()).doesNotContain(value);
        }
        assertThat(jdbc.queryForObject("select count(*) from transfer_log where event = 'AUDIT_READ' and actor = 'dpo' "
                + "and transfer_id = ? and detail = 'console transfer detail'", Long.class, transferId)).isEqualTo(1L);
    }

    @Test
    void whenUserWithoutConsoleRoleSignsInThenRefused() {
        ConsoleSession session = consoleSession();

        Page end = session.signIn("caseworker", demoPassword("caseworker"), "/console/transfers");

        assertThat(end.status()).isEqualTo(403);
        assertThat(end.uri().getPath()).isEqualTo("/console/transfers");
        assertThat(session.get("/console/integrity").status()).isEqualTo(403);
    }

    @Test
    void whenAdminSignsInThenAgreementsAreShownButSubjectSearchIsRefused() {
        ConsoleSession session = consoleSession();

        Page agreements = session.signIn("admin", demoPassword("admin"), "/console/agreements");

        assertThat(agreements.status()).isEqualTo(200);
        assertThat(agreements.body()).contains("isa-northbridge-prevent-referrals", "Transfers per month", "<caption");
        assertThat(agreements.body()).doesNotContain("Subject search");
        assertThat(session.get("/console/subjects").status()).isEqualTo(403);
    }

    @Test
    void whenSignInFormGetsWrongPasswordThenNoConsoleSession() {
        ConsoleSession session = consoleSession();

        Page end = session.signIn("dpo", "not-the-password", "/console/transfers");

        assertThat(end.uri().getPath()).isEqualTo("/login");
        assertThat(end.uri().getQuery()).isEqualTo("error");
        assertThat(session.get("/console/transfers").status()).isEqualTo(302);
    }

    @Test
    void whenUniversityOrPartnerTokenCallsAuditApiThenForbidden() {
        for (String client : List.of("uni-northbridge", "ctp-nw-prevent", "la-northbridge-channel", "uni-northbridge-student-support")) {
            for (String route : List.of("/api/v1/audit/transfers", "/api/v1/audit/verify", "/api/v1/audit/export")) {
                Response response = this.client.get(route, client);
                assertThat(response.status()).as(client + " " + route).isEqualTo(403);
                assertThat(response.code()).isEqualTo("INSUFFICIENT_SCOPE");
            }
        }
    }

    @Test
    void whenDpoFiltersAndExportsThenCsvAndJsonLinesHoldTheFilteredTransfersOnly() {
        String accepted = submitReferral();
        String refused = submitRefusedReferral();
        ConsoleSession session = consoleSession();
        session.signIn("dpo", demoPassword("dpo"), "/console");

        Page refusedOnly = session.get("/console/transfers?outcome=refused&code=RECORD_TYPE_NOT_COVERED");
        Page csv = session.get("/console/transfers.csv?outcome=refused&recordType=prevent-referral");
        Page jsonLines = session.get("/console/transfers.jsonl?outcome=accepted&partner=ctp-nw-prevent");

        assertThat(refusedOnly.body()).contains(refused).doesNotContain(accepted);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("transfer_id,received_at,outcome,code,sender,recipient,record_type,agreement,latest_step")
                .contains(refused + ",", "Refused,RECORD_TYPE_NOT_COVERED,uni-northbridge/safeguarding-lead,la-northbridge-channel")
                .doesNotContain(accepted);
        List<JsonNode> lines = jsonLines.body().lines().map(json::readTree).toList();
        assertThat(lines).isNotEmpty().allMatch(l -> l.get("type").asString().equals("entry") && l.get("entryHash").asString().length() == 64);
        assertThat(lines).anyMatch(l -> l.get("transferId").asString().equals(accepted));
        assertThat(lines).noneMatch(l -> l.get("transferId").asString().equals(refused));
        Map<Long, String> fullExport = new String(this.client.get("/api/v1/audit/export", "accord-dpo").body(), StandardCharsets.UTF_8).lines().map(json::readTree)
                .filter(l -> l.get("type").asString().equals("entry"))
                .collect(Collectors.toMap(l -> l.get("chainIndex").asLong(), l -> l.get("entryHash").asString()));
        assertThat(lines).allMatch(l -> l.get("entryHash").asString().equals(fullExport.get(l.get("chainIndex").asLong())));
        for (String value : PERSONAL_VALUES) {
            assertThat(csv.body()).doesNotContain(value);
            assertThat(jsonLines.body()).doesNotContain(value);
        }
    }

    @Test
    void whenDpoSearchesBySubjectIdentifiersThenEveryTransferAboutThemIsListed() {
        String accepted = submitReferral();
        String refused = submitRefusedReferral();
        ConsoleSession session = consoleSession();
        session.signIn("dpo", demoPassword("dpo"), "/console");
        String csrf = ConsoleSession.csrf(session.get("/console/subjects").body());

        Page byStudentId = session.post("/console/subjects", form(csrf, Map.of("studentId", "nb2024 0931")));
        Page byNameAndBirth = session.post("/console/subjects", form(csrf, Map.of("familyName", "OKAFOR-REYES", "dobDay", "14",
                "dobMonth", "3", "dobYear", "2006")));
        Page someoneElse = session.post("/console/subjects", form(csrf, Map.of("studentId", "NB19990001")));
        Page halfAnswer = session.post("/console/subjects", form(csrf, Map.of("familyName", "Okafor-Reyes")));

        assertThat(byStudentId.body()).contains(accepted, refused);
        assertThat(byNameAndBirth.body()).contains(accepted, refused);
        assertThat(someoneElse.body()).contains("0</span> transfers and refusals found").doesNotContain(accepted);
        assertThat(halfAnswer.body()).contains("Enter both the family name and the date of birth");
        assertThat(byStudentId.body()).doesNotContain("NB20240931", "2006-03-14");
        assertThat(jdbc.queryForObject("select count(*) from transfer_log where event = 'AUDIT_READ' and actor = 'dpo' "
                + "and detail like 'console subject search%'", Long.class)).isGreaterThanOrEqualTo(3L);
        assertThat(jdbc.queryForObject("select count(*) from transfer_log where detail like '%NB2024%' or detail like '%kafor%'",
                Long.class)).isZero();
    }

    @Test
    void whenDpoDownloadsTheSubjectAccessReportThenItListsEachTransferWithItsAgreementFieldsStatusAndRetentionDue() {
        String accepted = submitReferral();
        String refused = submitRefusedReferral();
        ConsoleSession session = consoleSession();
        session.signIn("dpo", demoPassword("dpo"), "/console");
        String csrf = ConsoleSession.csrf(session.get("/console/subjects").body());
        Map<String, String> identifiers = Map.of("studentId", "NB20240931");

        Page results = session.post("/console/subjects", form(csrf, identifiers));
        Page csv = session.post("/console/subjects/report.csv", form(csrf, identifiers));
        Page printable = session.post("/console/subjects/report", form(csrf, identifiers));

        assertThat(results.body()).contains("Download the report (CSV)", "Open the report to print");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("transfer_id,received_at,sender,recipient,record_type,agreement,purpose,lawful_basis,"
                + "fields_shared,fields_withheld,status,sealed_copy,retention_due");
        String row = java.util.Arrays.stream(lines).filter(l -> l.startsWith(accepted)).findFirst().orElseThrow();
        assertThat(row).contains("uni-northbridge/safeguarding-lead", "ctp-nw-prevent", "prevent-referral",
                "isa-northbridge-prevent-referrals v", "prevent-referral-assessment", "UK-GDPR-6-1-e", "subject.", "held");
        assertThat(row).as("the period the agreement sets for the university, P6Y")
                .contains(String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusYears(6).getYear()));
        assertThat(csv.body()).contains(refused + ",").contains("REFUSED");
        assertThat(printable.body()).contains("Subject access report", accepted, refused, "Retention due");
        assertThat(csv.body() + printable.body()).doesNotContain("NB20240931", "Okafor", "2006-03-14");
        assertThat(jdbc.queryForObject("select count(*) from transfer_log where event = 'AUDIT_READ' and actor = 'dpo' "
                + "and detail like 'console subject access report%'", Long.class)).isGreaterThanOrEqualTo(2L);
    }

    @Test
    void whenDpoOpensRetentionThenWhatIsHeldAndDueIsShownAndAnAdminIsRefused() {
        submitReferral();
        ConsoleSession dpo = consoleSession();
        Page retention = dpo.signIn("dpo", demoPassword("dpo"), "/console/retention");
        ConsoleSession admin = consoleSession();
        admin.signIn("admin", demoPassword("admin"), "/console/agreements");

        assertThat(retention.status()).isEqualTo(200);
        assertThat(retention.body()).contains("Sealed messages held, by status", "AVAILABLE", "Subject references", "Log archives",
                "What is due", "accord.retention.transfer-log", "P6Y");
        assertThat(admin.get("/console/retention").status()).isEqualTo(403);
    }

    @Test
    void whenDpoOpensRefusalsAndIntegrityThenCountsAndTheVerdictAreShown() {
        submitRefusedReferral();
        ConsoleSession session = consoleSession();
        session.signIn("dpo", demoPassword("dpo"), "/console");

        Page refusals = session.get("/console/refusals");
        Page integrity = session.get("/console/integrity");

        assertThat(refusals.body()).contains("Refusals by code", "RECORD_TYPE_NOT_COVERED", "Refusals by sender",
                "uni-northbridge/safeguarding-lead");
        assertThat(integrity.body()).contains("The log is intact", "Entries checked", "Integration into the chain",
                "Longest delay on this gateway");
    }

    @Test
    void whenConsolePostLacksCsrfTokenThenRefused() {
        ConsoleSession session = consoleSession();
        session.signIn("dpo", demoPassword("dpo"), "/console");

        Page post = session.post("/console/subjects", "studentId=NB20240931");

        assertThat(post.status()).isEqualTo(403);
    }

    @Test
    void whenDpoSignsOutThenConsoleAsksForSignInAgain() {
        ConsoleSession session = consoleSession();
        Page list = session.signIn("dpo", demoPassword("dpo"), "/console");

        Page out = session.post("/console/sign-out", "_csrf=" + URLEncoder.encode(ConsoleSession.csrf(list.body()), StandardCharsets.UTF_8));

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).endsWith("/console/signed-out");
        assertThat(session.get("/console/transfers").status()).isEqualTo(302);
    }

    private String submitReferral() {
        Response submitted = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.referral()));
        assertThat(submitted.status()).isEqualTo(202);
        return submitted.json().get("transferId").asString();
    }

    private String submitRefusedReferral() {
        Response refused = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.submission("prevent-referral",
                "la-northbridge-channel", "prevent-referral-assessment", Fixtures.example("prevent-referral"))));
        assertThat(refused.status()).isEqualTo(403);
        return refused.json().get("refusalId").asString();
    }

    private static String form(String csrf, Map<String, String> fields) {
        StringBuilder b = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        fields.forEach((k, v) -> b.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    static Set<String> personalValues() {
        return Set.copyOf(PERSONAL_VALUES);
    }

    @Test
    void whenADeliveryHasFailedThenTheDpoSeesItAndResendsItByHandAndTheResendIsLogged() {
        Response submitted = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.submission(
                "channel-information-response", "la-northbridge-channel", "channel-panel-assessment",
                Fixtures.example("channel-information-response"))));
        assertThat(submitted.status()).as(new String(submitted.body())).isEqualTo(202);
        String transferId = submitted.json().get("transferId").asString();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                "FAILED".equals(client.get("/api/v1/transfers/" + transferId, "uni-northbridge").json().get("status").asString()));
        ConsoleSession session = consoleSession();

        Page failed = session.signIn("dpo", demoPassword("dpo"), "/console/failed");
        Page resent = session.post("/console/failed/" + transferId + "/resend", "_csrf=" + URLEncoder.encode(
                ConsoleSession.csrf(failed.body()), StandardCharsets.UTF_8));

        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.body()).contains(transferId, "la-northbridge-channel");
        assertThat(resent.status()).isEqualTo(302);
        assertThat(resent.location()).contains("/console/failed?resent=" + transferId);
        assertThat(jdbc.queryForObject("select count(*) from transfer_log where event = 'RESEND_REQUESTED' and actor = 'dpo' "
                + "and transfer_id = ?", Long.class, transferId)).isEqualTo(1L);
    }
}
