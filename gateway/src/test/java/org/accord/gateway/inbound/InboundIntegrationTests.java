package org.accord.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.crypto.CmsOpener;
import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Partners push sealed messages to {@code POST /api/v1/inbound}: a valid outcome reaches the safeguarding
 * lead's mailbox; a repeat is answered as already received; a tampered message, one signed by someone else,
 * one from a signer outside the trust store, and one no agreement covers are each refused with their code and
 * logged.
 */
class InboundIntegrationTests extends GatewayIntegrationTest {

    private static final String POLICE = "ctp-nw-prevent";
    private static final String LEAD = "uni-northbridge/safeguarding-lead";
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void whenThePoliceSealAnOutcomeForTheGatewayThenTheSafeguardingLeadReceivesItAndARepeatIsNotProcessedTwice() {
        byte[] sealed = sealAs(POLICE, message(POLICE, "referral-outcome", "referral-feedback"));

        Response first = post(POLICE, sealed);
        Response again = post(POLICE, sealed);

        assertThat(first.status()).as(new String(first.body())).isEqualTo(202);
        String transferId = first.json().get("transferId").asString();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("ALREADY_RECEIVED");
        await().atMost(30, TimeUnit.SECONDS).until(() ->
                client.get("/api/v1/mailbox", "uni-northbridge").json().get("messages").toString().contains(transferId));
        byte[] forUniversity = client.get("/api/v1/mailbox/" + transferId, "uni-northbridge").body();
        DemoPki pki = pki();
        JsonNode delivered = json.readTree(new CmsOpener().open(forUniversity, pki.partnerKey("uni-northbridge"),
                pki.partnerCertificate("uni-northbridge"), List.of(pki.caCertificate()), Clock.systemUTC()).content());
        assertThat(delivered.get("sender").asString()).isEqualTo(POLICE);
        assertThat(delivered.get("agreement").get("id").asString()).isEqualTo("isa-ctp-northbridge-referral-outcomes");
    }

    @Test
    void whenTheMessageIsTamperedWithThenItIsRejectedAndLogged() {
        byte[] sealed = sealAs(POLICE, message(POLICE, "referral-outcome", "referral-feedback"));
        sealed[sealed.length / 2] ^= 0x01;

        Response response = post(POLICE, sealed);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("INBOUND_REJECTED");
        assertLogged(response);
    }

    @Test
    void whenTheMessageIsSignedByAnotherPartnerThanTheCallerThenSenderMismatch() {
        byte[] sealed = sealAs("la-northbridge-channel", message("la-northbridge-channel", "referral-outcome", "referral-feedback"));

        Response response = post(POLICE, sealed);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("reason").asString()).isEqualTo("SENDER_MISMATCH");
        assertLogged(response);
    }

    @Test
    void whenTheSignerIsNotInTheTrustStoreThenSignerUntrusted(@TempDir Path elsewhere) {
        DemoPki stranger = DemoPki.ensure(elsewhere, List.of(POLICE));
        byte[] content = message(POLICE, "referral-outcome", "referral-feedback");
        byte[] sealed = seal(stranger.partnerKey(POLICE), stranger.partnerCertificate(POLICE), content);

        Response response = post(POLICE, sealed);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("reason").asString()).isEqualTo("SIGNER_UNTRUSTED");
    }

    @Test
    void whenNoAgreementCoversTheInboundRecordThenItIsRefusedByAgreement() {
        ObjectNode referral = (ObjectNode) json.readTree(message(POLICE, "prevent-referral", "prevent-referral-assessment"));
        referral.set("record", Fixtures.example("prevent-referral"));
        byte[] sealed = sealAs(POLICE, json.writeValueAsBytes(referral));

        Response response = post(POLICE, sealed);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("REFUSED_BY_AGREEMENT");
    }

    @Test
    void whenAClientWithoutTheInboundScopePostsThenItIsRefused() {
        Response response = client.post("/api/v1/inbound", "uni-northbridge", "application/pkcs7-mime", new byte[] {1, 2, 3}, Map.of());

        assertThat(response.status()).isEqualTo(403);
    }

    private Response post(String clientId, byte[] sealed) {
        return client.post("/api/v1/inbound", clientId, "application/pkcs7-mime", sealed, Map.of());
    }

    private void assertLogged(Response response) {
        String refusalId = response.json().get("refusalId").asString();
        assertThat(client.get("/api/v1/audit/transfers?transferId=" + refusalId, "accord-dpo").json().get("entries").get(0)
                .get("event").asString()).isEqualTo("REFUSED");
    }

    private byte[] message(String sender, String recordType, String purpose) {
        ObjectNode message = json.createObjectNode();
        message.put("transferId", UUID.randomUUID().toString());
        message.put("recordType", recordType);
        message.put("schemaVersion", 1);
        message.put("sender", sender);
        message.put("recipient", LEAD);
        message.put("purpose", purpose);
        message.set("record", Fixtures.example(recordType.equals("prevent-referral") ? "prevent-referral" : "referral-outcome"));
        return json.writeValueAsBytes(message);
    }

    private byte[] sealAs(String partner, byte[] content) {
        DemoPki pki = pki();
        return seal(pki.partnerKey(partner), pki.partnerCertificate(partner), content);
    }

    private byte[] seal(PrivateKey key, X509Certificate certificate, byte[] content) {
        DemoPki pki = pki();
        String transferId = json.readTree(content).get("transferId").asString();
        return new CmsSealer(key, List.of(certificate)).seal(content, transferId, pki.gatewayCertificate()).der();
    }

    private static DemoPki pki() {
        return DemoPki.ensure(DATA_DIR.resolve("pki"), List.of(POLICE, "la-northbridge-channel", "uni-northbridge"));
    }
}
