package org.accord.gateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Governance leads list the agreements with their warnings, read one in full, and dry-run a record against them. */
class AgreementsApiIntegrationTests extends GatewayIntegrationTest {

    private static final String DPO = "accord-dpo";

    @Test
    void whenAgreementsAreListedThenEachShowsStatusDatesAndWarnings() {
        Response response = client.get("/api/v1/agreements", DPO);

        assertThat(response.status()).isEqualTo(200);
        JsonNode expired = find(response.json(), "isa-northbridge-eastmoor-transfers");
        assertThat(expired.get("inForce").asBoolean()).isFalse();
        assertThat(strings(expired.get("warnings"))).contains("EXPIRED");
        JsonNode referrals = find(response.json(), "isa-northbridge-prevent-referrals");
        assertThat(referrals.get("inForce").asBoolean()).isTrue();
        assertThat(referrals.get("sha256").asString()).hasSize(64);
    }

    @Test
    void whenOneAgreementIsReadThenItsFlowsNameTheRuleForEachField() {
        Response response = client.get("/api/v1/agreements/isa-northbridge-prevent-referrals", DPO);

        assertThat(response.status()).isEqualTo(200);
        JsonNode flow = response.json().get("flows").get(0);
        assertThat(flow.get("recordType").asString()).isEqualTo("prevent-referral");
        assertThat(flow.get("fields").get("subject.ucasPersonalId").asString()).startsWith("mask");
        assertThat(response.json().get("lawfulBases").toString()).contains("UK-GDPR-9-2-g");
        assertThat(client.get("/api/v1/agreements/no-such-agreement", DPO).status()).isEqualTo(404);
    }

    @Test
    void whenARecordIsDryRunThenEachFieldIsReportedSharedTransformedOrWithheldAndNothingIsSent() {
        ObjectNode request = Fixtures.referral();
        request.put("sender", "uni-northbridge/safeguarding-lead");
        long mailboxBefore = client.get("/api/v1/mailbox", "ctp-nw-prevent").json().get("waiting").asLong();

        Response response = client.postJson("/api/v1/agreements/check", DPO, Fixtures.json(request));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("decision").asString()).isEqualTo("PERMIT");
        assertThat(body.get("agreement").get("id").asString()).isEqualTo("isa-northbridge-prevent-referrals");
        assertThat(strings(body.get("fields").get("withheld"))).contains("subject.religion");
        assertThat(strings(body.get("fields").get("shared"))).contains("subject.names", "concern.ideologyCategory");
        assertThat(body.get("fields").get("transformed").toString()).contains("concern.summary", "scrub:");
        assertThat(body.get("fields").get("transformed").toString()).contains("subject.ucasPersonalId");
        assertThat(body.get("fields").toString()).doesNotContain("Okafor");
        assertThat(client.get("/api/v1/mailbox", "ctp-nw-prevent").json().get("waiting").asLong()).isEqualTo(mailboxBefore);
    }

    @Test
    void whenTheSenderDryRunsARecordThenThePreviewIsTheRecordAsTheRecipientGetsItWithEachReplacedSpanTyped() {
        ObjectNode request = Fixtures.referral();
        request.put("sender", "uni-northbridge/safeguarding-lead");

        JsonNode body = client.postJson("/api/v1/agreements/check", DPO, Fixtures.json(request)).json();

        JsonNode preview = body.get("preview");
        assertThat(preview.has("subject")).isTrue();
        assertThat(preview.get("subject").has("religion")).isFalse();
        String summary = preview.get("concern").get("summary").asString();
        assertThat(summary).contains("[NAME]", "[PHONE]").doesNotContain("Priya Desai", "07700 900123");
        List<String> typesInSummary = new java.util.ArrayList<>();
        for (JsonNode span : body.get("previewReplaced")) {
            if (span.get("field").asString().equals("/concern/summary")) {
                String placeholder = summary.substring(span.get("start").asInt(), span.get("end").asInt());
                assertThat(placeholder).isEqualTo("[" + span.get("type").asString() + "]");
                typesInSummary.add(span.get("type").asString());
            }
        }
        assertThat(typesInSummary).contains("NAME", "PHONE");
        String log = new String(client.get("/api/v1/audit/export", DPO).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log).doesNotContain(summary).doesNotContain("Priya Desai");
    }

    @Test
    void whenTheCallerNamesASenderOfAnotherOrganisationThenThePermitCarriesNoPreview() {
        ObjectNode request = Fixtures.submission("referral-outcome", "uni-northbridge/safeguarding-lead", "referral-feedback",
                Fixtures.example("referral-outcome"));
        request.put("sender", "ctp-nw-prevent");

        JsonNode body = client.postJson("/api/v1/agreements/check", DPO, Fixtures.json(request)).json();

        assertThat(body.get("decision").asString()).isEqualTo("PERMIT");
        assertThat(body.get("fields").get("shared").size()).isPositive();
        assertThat(body.get("preview") == null || body.get("preview").isNull()).isTrue();
        assertThat(body.get("previewReplaced") == null || body.get("previewReplaced").isNull()).isTrue();
    }

    @Test
    void whenADryRunHitsAnExpiredAgreementThenTheDenialCodeIsReported() {
        ObjectNode request = Fixtures.submission("safeguarding-concern", "uni-eastmoor/safeguarding-lead",
                "student-transfer-safeguarding", Fixtures.example("safeguarding-concern"));

        Response response = client.postJson("/api/v1/agreements/check", "uni-northbridge", Fixtures.json(request));

        assertThat(response.json().get("decision").asString()).isEqualTo("DENY");
        assertThat(response.json().get("code").asString()).isEqualTo("AGREEMENT_EXPIRED");
    }

    @Test
    void whenADryRunRecordBreaksItsSchemaThenTheViolationsAreListed() {
        ObjectNode record = Fixtures.example("prevent-referral");
        ((ObjectNode) record.get("subject")).put("yearOfStudy", "second");
        Response response = client.postJson("/api/v1/agreements/check", DPO, Fixtures.json(
                Fixtures.submission("prevent-referral", "ctp-nw-prevent", "prevent-referral-assessment", record)));

        assertThat(response.json().get("decision").asString()).isEqualTo("INVALID");
        assertThat(response.json().get("schemaViolations").toString()).contains("/subject/yearOfStudy");
    }

    @Test
    void whenAPartnerWithoutTheScopeAsksThenItIsRefused() {
        assertThat(client.get("/api/v1/agreements", "ctp-nw-prevent").status()).isEqualTo(403);
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode a : list) {
            if (a.get("id").asString().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("No agreement " + id);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
