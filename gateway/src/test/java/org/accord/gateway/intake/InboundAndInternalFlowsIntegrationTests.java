package org.accord.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.crypto.CmsOpener;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.OpenedMessage;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records coming to the university go through the same decision for their direction: an outcome from the
 * police (inbound) and a concern from student support to the safeguarding lead (internal) both land, sealed
 * for the university, in the receiving unit's mailbox.
 */
class InboundAndInternalFlowsIntegrationTests extends GatewayIntegrationTest {

    private static final String SAFEGUARDING_LEAD = "uni-northbridge";

    @Test
    void whenThePoliceSendAnOutcomeThenTheSafeguardingLeadReceivesItSealedForTheUniversity() {
        Response submitted = client.postJson("/api/v1/records", "ctp-nw-prevent", Fixtures.json(Fixtures.submission(
                "referral-outcome", "uni-northbridge/safeguarding-lead", "referral-feedback", Fixtures.example("referral-outcome"))));

        assertThat(submitted.status()).as(new String(submitted.body())).isEqualTo(202);
        JsonNode message = openAsUniversity(awaitAndDownload(submitted.json().get("transferId").asString()));
        assertThat(message.get("recordType").asString()).isEqualTo("referral-outcome");
        assertThat(message.get("sender").asString()).isEqualTo("ctp-nw-prevent");
        assertThat(message.get("agreement").get("id").asString()).isEqualTo("isa-ctp-northbridge-referral-outcomes");
    }

    @Test
    void whenStudentSupportRaisesAConcernThenTheSafeguardingLeadReceivesItUnderTheInternalProtocol() {
        Response submitted = client.postJson("/api/v1/records", "uni-northbridge-student-support", Fixtures.json(
                Fixtures.submission("safeguarding-concern", "uni-northbridge/safeguarding-lead", "internal-safeguarding-escalation",
                        Fixtures.example("safeguarding-concern"))));

        assertThat(submitted.status()).as(new String(submitted.body())).isEqualTo(202);
        JsonNode message = openAsUniversity(awaitAndDownload(submitted.json().get("transferId").asString()));
        assertThat(message.get("agreement").get("id").asString()).isEqualTo("isa-northbridge-internal-safeguarding");
        assertThat(message.get("sender").asString()).isEqualTo("uni-northbridge/student-support");
    }

    @Test
    void whenStudentSupportSendsToThePoliceDirectlyThenNoAgreementPermitsIt() {
        Response refused = client.postJson("/api/v1/records", "uni-northbridge-student-support", Fixtures.json(
                Fixtures.submission("safeguarding-concern", "ctp-nw-prevent", "internal-safeguarding-escalation",
                        Fixtures.example("safeguarding-concern"))));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("reason").asString()).isIn("NO_AGREEMENT", "RECORD_TYPE_NOT_COVERED");
    }

    private byte[] awaitAndDownload(String transferId) {
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
                client.listedIds("/api/v1/mailbox", SAFEGUARDING_LEAD).contains(transferId));
        Response download = client.get("/api/v1/mailbox/" + transferId, SAFEGUARDING_LEAD);
        assertThat(download.status()).isEqualTo(200);
        return download.body();
    }

    private static JsonNode openAsUniversity(byte[] sealed) {
        DemoPki pki = DemoPki.ensure(DATA_DIR.resolve("pki"), List.of("uni-northbridge"));
        OpenedMessage opened = new CmsOpener().open(sealed, pki.partnerKey("uni-northbridge"),
                pki.partnerCertificate("uni-northbridge"), List.of(pki.caCertificate()), Clock.systemUTC());
        return JsonMapper.builder().build().readTree(opened.content());
    }
}
