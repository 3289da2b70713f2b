package org.accord.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.crypto.CmsOpener;
import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.ReceiptVerifier;
import org.accord.gateway.crypto.VerifiedReceipt;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Partners push sealed messages to {@code POST /api/v1/inbound} with a token: a valid outcome reaches the safeguarding
 * lead's mailbox with the gateway's signed receipt; a repeat is answered as already received with the same receipt
 * and logged; a message refused by agreement keeps nothing; a tampered message, one signed by someone else,
 * one from a signer outside the trust store, one from a signer that is no partner, and one no agreement covers
 * are each refused with their code and logged.
 */
class InboundIntegrationTests extends GatewayIntegrationTest {

    private static final String POLICE = InboundMessages.POLICE;
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
        assertThat(again.json().get("transferId").asString()).isEqualTo(transferId);
        await().atMost(30, TimeUnit.SECONDS).until(() ->
                client.listedIds("/api/v1/mailbox", "uni-northbridge").contains(transferId));
        byte[] forUniversity = client.get("/api/v1/mailbox/" + transferId, "uni-northbridge").body();
        DemoPki pki = pki();
        JsonNode delivered = json.readTree(new CmsOpener().open(forUniversity, pki.partnerKey("uni-northbridge"),
                pki.partnerCertificate("uni-northbridge"), List.of(pki.caCertificate()), Clock.systemUTC()).content());
        assertThat(delivered.get("sender").asString()).isEqualTo(POLICE);
        assertThat(delivered.get("agreement").get("id").asString()).isEqualTo("isa-ctp-northbridge-referral-outcomes");
    }

    @Test
    void whenAMessageIsAcceptedThenTheAnswerCarriesTheGatewaysSignedReceiptForItAndARepeatGetsTheSameBytes() {
        ObjectNode outcome = InboundMessages.outcome(POLICE);
        String partnerTransferId = outcome.get("transferId").asString();
        byte[] sealed = sealAs(POLICE, json.writeValueAsBytes(outcome));

        Response first = post(POLICE, sealed);
        Response again = post(POLICE, sealed);
        Response third = post(POLICE, sealed);

        assertThat(first.status()).as(new String(first.body())).isEqualTo(202);
        byte[] receipt = Base64.getDecoder().decode(first.json().get("receipt").asString());
        DemoPki pki = pki();
        VerifiedReceipt verified = new ReceiptVerifier(Clock.systemUTC()).verify(receipt, partnerTransferId, Fingerprints.sha256Hex(sealed),
                List.of(pki.caCertificate()), List.of(pki.gatewayCertificate()));
        assertThat(verified.content().transferId()).isEqualTo(partnerTransferId);
        assertThat(first.json().get("receiptSha256").asString()).isEqualTo(Fingerprints.sha256Hex(receipt));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("ALREADY_RECEIVED");
        assertThat(Base64.getDecoder().decode(again.json().get("receipt").asString())).isEqualTo(receipt);
        assertThat(Base64.getDecoder().decode(third.json().get("receipt").asString())).isEqualTo(receipt);
        String transferId = first.json().get("transferId").asString();
        List<JsonNode> entries = new ArrayList<>();
        client.get("/api/v1/audit/transfers?transferId=" + transferId, "accord-dpo").json().get("entries").forEach(entries::add);
        assertThat(entries).filteredOn(e -> e.get("event").asString().equals("RECEIPT_ISSUED")).singleElement()
                .satisfies(e -> assertThat(e.get("receiptSha256").asString()).isEqualTo(Fingerprints.sha256Hex(receipt)));
        assertThat(entries).filteredOn(e -> e.get("event").asString().equals("REPEAT_DROPPED")).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.get("code").asString()).isEqualTo("ALREADY_RECEIVED");
                    assertThat(e.get("actor").asString()).isEqualTo(POLICE);
                    assertThat(e.get("receiptSha256").asString()).isEqualTo(Fingerprints.sha256Hex(receipt));
                });
        assertThat(entries).filteredOn(e -> e.get("event").asString().equals("RECEIVED")).hasSize(1);
    }

    @Test
    void whenAMessageIsRefusedByAgreementThenItsTransferIdIsNotKeptAndTheSameMessageIsCheckedAgain() {
        ObjectNode referral = InboundMessages.message(POLICE, "prevent-referral", "prevent-referral-assessment");
        byte[] sealed = sealAs(POLICE, json.writeValueAsBytes(referral));

        Response first = post(POLICE, sealed);
        Response again = post(POLICE, sealed);

        assertThat(first.code()).isEqualTo("REFUSED_BY_AGREEMENT");
        assertThat(again.code()).isEqualTo("REFUSED_BY_AGREEMENT");
        assertThat(again.json().get("refusalId").asString()).isNotEqualTo(first.json().get("refusalId").asString());
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
        assertLoggedWithCode(response, "SIGNER_UNTRUSTED");
    }

    @Test
    void whenTheSignerIsNotAPartnerTheGatewayKnowsThenSignerNotPartnerAndLogged() throws Exception {
        PartnerCredentials unknown = PartnerCredentials.issuedByDemoCa(DATA_DIR.resolve("pki"), "unknown-agency",
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86_400));
        byte[] sealed = InboundMessages.seal(InboundMessages.outcome(POLICE), unknown, pki());

        Response response = post(POLICE, sealed);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("INBOUND_REJECTED");
        assertThat(response.json().get("reason").asString()).isEqualTo("SIGNER_NOT_PARTNER");
        assertLoggedWithCode(response, "SIGNER_NOT_PARTNER");
    }

    @Test
    void whenNoAgreementCoversTheInboundRecordThenItIsRefusedByAgreement() {
        ObjectNode referral = (ObjectNode) json.readTree(message(POLICE, "prevent-referral", "prevent-referral-assessment"));
        referral.set("record", Fixtures.example("prevent-referral"));
        byte[] sealed = sealAs(POLICE, json.writeValueAsBytes(referral));

        Response response = post(POLICE, sealed);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("REFUSED_BY_AGREEMENT");
        String reason = response.json().get("reason").asString();
        assertThat(reason).isNotBlank();
        assertLoggedWithCode(response, reason);
    }

    @Test
    void whenTheBodyIsNotSentAsPkcs7ThenUnsupportedMediaTypeAndLogged() {
        Response response = client.post("/api/v1/inbound", POLICE, "text/plain", new byte[] {1, 2, 3}, Map.of());

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertLogged(response);
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

    private void assertLoggedWithCode(Response response, String code) {
        String refusalId = response.json().get("refusalId").asString();
        JsonNode entry = client.get("/api/v1/audit/transfers?transferId=" + refusalId, "accord-dpo").json().get("entries").get(0);
        assertThat(entry.get("event").asString()).isEqualTo("REFUSED");
        assertThat(entry.get("code").asString()).isEqualTo(code);
        assertThat(entry.get("actor").asString()).isEqualTo(POLICE);
    }

    private byte[] message(String sender, String recordType, String purpose) {
        return json.writeValueAsBytes(InboundMessages.message(sender, recordType, purpose));
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
        return InboundMessages.pki(DATA_DIR);
    }
}
