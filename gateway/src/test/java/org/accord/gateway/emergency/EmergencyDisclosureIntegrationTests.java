package org.accord.gateway.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.crypto.CmsOpener;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An emergency disclosure through the API with the duty manager's token: only the recipient's emergency profile's
 * fields reach the police, urgent and sealed; the log has the EMERGENCY_DISCLOSURE entry with the basis, the authoriser
 * and the fields; the DPO lists it with a pending review holding the scrubbed risk. Each refusal is answered and logged.
 */
class EmergencyDisclosureIntegrationTests extends GatewayIntegrationTest {

    private static final String DUTY = "uni-northbridge-duty-manager";
    private static final String POLICE = "ctp-nw-prevent";
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void whenTheDutyManagerDisclosesThenOnlyProfileFieldsGoUrgentlyAndTheLogAndReviewHoldTheJustification() throws Exception {
        Response response = client.postJson("/api/v1/emergency-disclosures", DUTY, Fixtures.json(disclosure(POLICE,
                "safeguarding-concern", "emergency-risk-to-life", Fixtures.example("safeguarding-concern"), "VITAL-INTERESTS")));

        assertThat(response.status()).as(new String(response.body())).isEqualTo(202);
        String transferId = response.json().get("transferId").asString();
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
                client.listedIds("/api/v1/mailbox", POLICE).contains(transferId));
        byte[] sealed = client.get("/api/v1/mailbox/" + transferId, POLICE).body();
        DemoPki pki = DemoPki.ensure(DATA_DIR.resolve("pki"), List.of(POLICE));
        JsonNode message = json.readTree(new CmsOpener().open(sealed, pki.partnerKey(POLICE), pki.partnerCertificate(POLICE),
                List.of(pki.caCertificate()), Clock.systemUTC()).content());
        assertThat(message.get("urgent").asBoolean()).isTrue();
        assertThat(message.get("agreement").get("id").asString()).isEqualTo("emergency");
        JsonNode record = message.get("record");
        assertThat(record.get("subject").get("names").get("given").asString()).isEqualTo("Daniel");
        assertThat(record.get("subject").get("dateOfBirth").asString()).isEqualTo("2006");
        assertThat(record.get("subject").has("studentId")).as("not in the profile").isFalse();
        assertThat(record.get("subject").has("course")).isFalse();
        assertThat(record.has("vulnerabilities")).isFalse();
        assertThat(record.get("raisedBy").has("name")).isFalse();

        List<JsonNode> entries = client.logEntries(transferId);
        JsonNode disclosed = entries.stream().filter(e -> e.get("event").asString().equals("EMERGENCY_DISCLOSURE")).findFirst()
                .orElseThrow();
        assertThat(disclosed.get("detail").asString()).isEqualTo("basis VITAL-INTERESTS; authorised by Duty Director: A. Senior");
        assertThat(disclosed.get("agreement").get("id").asString()).isEqualTo("emergency");
        assertThat(disclosed.get("fieldsShared").toString()).contains("subject.names")
                .doesNotContain("subject.studentId", "vulnerabilities", "concern.summary");
        assertThat(disclosed.get("fieldsTransformed").toString()).contains("concern.summary", "subject.dateOfBirth");
        assertThat(disclosed.get("actor").asString()).isEqualTo(DUTY);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("event").asString()).isEqualTo("RECEIVED");
            assertThat(e.get("detail").asString()).isEqualTo("urgent");
        });

        JsonNode listed = null;
        for (JsonNode d : client.get("/api/v1/emergency-disclosures", "accord-dpo").json().get("disclosures")) {
            if (d.get("transferId").asString().equals(transferId)) {
                listed = d;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("reviewStatus").asString()).isEqualTo("PENDING");
        assertThat(listed.get("basis").asString()).isEqualTo("VITAL-INTERESTS");
        assertThat(listed.get("overdue").asBoolean()).isFalse();
        assertThat(listed.get("risk").asString()).as("scrubbed").doesNotContain("07700 900461").contains("[PHONE]");
        assertThat(listed.get("fieldsShared").toString()).contains("subject.names", "concern.summary (scrub)")
                .doesNotContain("subject.studentId");
    }

    @Test
    void whenAFlowCoversTheRecordThenUseAgreementIsAnsweredAndLogged() {
        ObjectNode referral = Fixtures.referral();
        Response response = client.postJson("/api/v1/emergency-disclosures", DUTY, Fixtures.json(disclosure(POLICE,
                "prevent-referral", referral.get("purpose").asString(), referral.get("record"), "PREVENTION-OF-CRIME")));
        assertRefusedAndLogged(response, 409, "USE_AGREEMENT");
    }

    @Test
    void whenTheRecipientCannotReceiveEmergencyDisclosuresThenEachIsRefusedAndLogged() {
        ObjectNode concern = Fixtures.example("safeguarding-concern");
        assertRefusedAndLogged(client.postJson("/api/v1/emergency-disclosures", DUTY, Fixtures.json(disclosure("nowhere-org",
                "safeguarding-concern", "emergency-risk-to-life", concern, "VITAL-INTERESTS"))), 403, "NO_EMERGENCY_PROFILE");
        Response noProfile = client.postJson("/api/v1/emergency-disclosures", DUTY, Fixtures.json(disclosure(
                "la-northbridge-channel", "safeguarding-concern", "emergency-risk-to-life", concern, "VITAL-INTERESTS")));
        assertRefusedAndLogged(noProfile, 403, "NO_EMERGENCY_PROFILE");
        assertThat(noProfile.json().get("reason").asString()).isEqualTo("NO_EMERGENCY_PROFILE");
        assertRefusedAndLogged(client.postJson("/api/v1/emergency-disclosures", DUTY, Fixtures.json(disclosure(POLICE,
                "referral-outcome", "emergency-risk-to-life", Fixtures.example("referral-outcome"), "VITAL-INTERESTS"))),
                403, "NOT_IN_EMERGENCY_PROFILE");
    }

    @Test
    void whenTheJustificationIsBadOrTheScopeMissingThenTheDisclosureIsRefused() {
        Response badBasis = client.postJson("/api/v1/emergency-disclosures", DUTY, Fixtures.json(disclosure(POLICE,
                "safeguarding-concern", "emergency-risk-to-life", Fixtures.example("safeguarding-concern"), "BECAUSE")));
        assertRefusedAndLogged(badBasis, 422, "INVALID_SUBMISSION");
        assertThat(badBasis.json().get("violations").toString()).contains("/justification/basis");

        ObjectNode missing = disclosure(POLICE, "safeguarding-concern", "emergency-risk-to-life",
                Fixtures.example("safeguarding-concern"), "VITAL-INTERESTS");
        ((ObjectNode) missing.get("justification")).remove("authorisedBy");
        Response noAuthoriser = client.postJson("/api/v1/emergency-disclosures", DUTY, Fixtures.json(missing));
        assertRefusedAndLogged(noAuthoriser, 422, "INVALID_SUBMISSION");
        assertThat(noAuthoriser.json().get("violations").toString()).contains("/justification/authorisedBy");

        Response noScope = client.postJson("/api/v1/emergency-disclosures", "uni-northbridge", Fixtures.json(disclosure(POLICE,
                "safeguarding-concern", "emergency-risk-to-life", Fixtures.example("safeguarding-concern"), "VITAL-INTERESTS")));
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.code()).isEqualTo("INSUFFICIENT_SCOPE");
    }

    @Test
    void whenADisclosureIsSentAgainUnderItsIdempotencyKeyThenItIsDisclosedOnce() {
        String body = Fixtures.json(disclosure(POLICE, "safeguarding-concern", "emergency-risk-to-life",
                Fixtures.example("safeguarding-concern"), "VITAL-INTERESTS"));
        Map<String, String> key = Map.of("Idempotency-Key", "duty-call-" + java.util.UUID.randomUUID());
        Response first = client.post("/api/v1/emergency-disclosures", DUTY, "application/json", body.getBytes(StandardCharsets.UTF_8), key);
        Response again = client.post("/api/v1/emergency-disclosures", DUTY, "application/json", body.getBytes(StandardCharsets.UTF_8), key);

        assertThat(first.status()).as(new String(first.body())).isEqualTo(202);
        assertThat(first.json().get("repeated").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("repeated").asBoolean()).isTrue();
        String transferId = first.json().get("transferId").asString();
        assertThat(again.json().get("transferId").asString()).isEqualTo(transferId);
        assertThat(client.logEntries(transferId).stream().filter(e -> e.get("event").asString().equals("EMERGENCY_DISCLOSURE")))
                .as("one disclosure, logged once").hasSize(1);

        Response other = client.post("/api/v1/emergency-disclosures", DUTY, "application/json",
                body.replace("VITAL-INTERESTS", "PREVENTION-OF-CRIME").getBytes(StandardCharsets.UTF_8), key);
        assertRefusedAndLogged(other, 422, "IDEMPOTENCY_KEY_REUSED");
        assertRefusedAndLogged(client.post("/api/v1/emergency-disclosures", DUTY, "application/json",
                body.getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", "not a key")), 400, "INVALID_IDEMPOTENCY_KEY");
    }

    private void assertRefusedAndLogged(Response response, int status, String code) {
        assertThat(response.status()).as(new String(response.body())).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        String refusalId = response.json().get("refusalId").asString();
        assertThat(client.logEntries(refusalId)).singleElement().satisfies(e -> {
            assertThat(e.get("event").asString()).isEqualTo("REFUSED");
            assertThat(e.get("code").asString()).isEqualTo(code);
        });
    }

    private static ObjectNode disclosure(String recipient, String recordType, String purpose, JsonNode record, String basis) {
        ObjectNode body = Fixtures.submission(recordType, recipient, purpose, record);
        ObjectNode justification = body.putObject("justification");
        justification.put("basis", basis);
        justification.put("risk", "Student said he would harm himself tonight; his phone 07700 900461 is off.");
        ObjectNode by = justification.putObject("authorisedBy");
        by.put("role", "Duty Director");
        by.put("name", "A. Senior");
        return body;
    }
}
