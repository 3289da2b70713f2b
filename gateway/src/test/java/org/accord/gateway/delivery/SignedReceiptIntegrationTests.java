package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.ReceiptContent;
import org.accord.gateway.crypto.ReceiptSigner;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A partner acknowledges a mailbox message with a signed receipt: a good receipt is kept with the transfer,
 * logged, shown to the sender and downloadable by it; a bad one refuses the acknowledgement with
 * {@code RECEIPT_INVALID} and a reason, and the message stays in the mailbox.
 */
class SignedReceiptIntegrationTests extends GatewayIntegrationTest {

    private static final String UNIVERSITY = "uni-northbridge";
    private static final String POLICE = "ctp-nw-prevent";
    private static final String CHANNEL_PANEL = "la-northbridge-channel";
    private static final String DPO = "accord-dpo";
    private static final String PKCS7 = "application/pkcs7-mime; smime-type=signed-data";

    @Test
    void whenPoliceAcknowledgesWithAValidReceiptThenTheSenderSeesItAndCanDownloadIt() {
        String transferId = submit();
        byte[] sealed = awaitAndDownload(transferId);
        byte[] receipt = receipt(POLICE, transferId, Fingerprints.sha256Hex(sealed));

        Response ack = client.post("/api/v1/mailbox/" + transferId + "/ack", POLICE, PKCS7, receipt, Map.of());

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        JsonNode view = client.get("/api/v1/transfers/" + transferId, UNIVERSITY).json();
        assertThat(view.get("receipt").get("sha256").asString()).isEqualTo(Fingerprints.sha256Hex(receipt));
        assertThat(view.get("receipt").get("signer").asString()).contains("CN=" + POLICE);
        assertThat(view.get("receipt").get("signerSha256").asString())
                .isEqualTo(Fingerprints.sha256Hex(pki().partnerCertificate(POLICE)));
        assertThat(view.get("receipt").get("signedAt").asString()).isNotBlank();
        assertThat(view.get("signerSha256").asString()).isEqualTo(Fingerprints.sha256Hex(pki().gatewayCertificate()));

        Response download = client.get("/api/v1/transfers/" + transferId + "/receipt", UNIVERSITY);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pkcs7-mime");
        assertThat(download.body()).isEqualTo(receipt);
        assertThat(client.get("/api/v1/transfers/" + transferId + "/receipt", POLICE).status())
                .as("only the sender may download the receipt").isEqualTo(404);

        JsonNode log = client.get("/api/v1/audit/transfers?transferId=" + transferId, DPO).json();
        assertThat(entry(log, "ACKNOWLEDGED").get("receiptSha256").asString()).isEqualTo(Fingerprints.sha256Hex(receipt));
        assertThat(entry(log, "SEALED").get("signerSha256").asString())
                .isEqualTo(Fingerprints.sha256Hex(pki().gatewayCertificate()));
    }

    @Test
    void whenTheReceiptIsSignedByAnotherPartnerThenTheAckIsRefusedAndTheMessageStaysInTheMailbox() {
        String transferId = submit();
        byte[] sealed = awaitAndDownload(transferId);
        byte[] receipt = receipt(CHANNEL_PANEL, transferId, Fingerprints.sha256Hex(sealed));

        Response ack = client.post("/api/v1/mailbox/" + transferId + "/ack", POLICE, PKCS7, receipt, Map.of());

        assertThat(ack.status()).isEqualTo(422);
        assertThat(ack.code()).isEqualTo("RECEIPT_INVALID");
        assertThat(ack.json().get("reason").asString()).isEqualTo("SIGNER_NOT_PARTNER");
        assertThat(client.listedIds("/api/v1/mailbox", POLICE)).contains(transferId);
        JsonNode refused = entry(client.get("/api/v1/audit/transfers?transferId=" + transferId, DPO).json(), "RECEIPT_REFUSED");
        assertThat(refused.get("code").asString()).isEqualTo("SIGNER_NOT_PARTNER");
        assertThat(client.get("/api/v1/transfers/" + transferId + "/receipt", UNIVERSITY).status()).isEqualTo(404);
    }

    @Test
    void whenTheReceiptNamesAnotherDigestThenTheAckIsRefusedAsDigestMismatch() {
        String transferId = submit();
        awaitAndDownload(transferId);
        byte[] receipt = receipt(POLICE, transferId, "00".repeat(32));

        Response ack = client.post("/api/v1/mailbox/" + transferId + "/ack", POLICE, PKCS7, receipt, Map.of());

        assertThat(ack.status()).isEqualTo(422);
        assertThat(ack.json().get("reason").asString()).isEqualTo("DIGEST_MISMATCH");
        assertThat(client.get("/api/v1/transfers/" + transferId, UNIVERSITY).json().get("status").asString())
                .isNotEqualTo("ACKNOWLEDGED");
    }

    @Test
    void whenTheBodyIsNotASignedReceiptThenTheAckIsRefusedAsMalformed() {
        String transferId = submit();
        awaitAndDownload(transferId);

        Response ack = client.post("/api/v1/mailbox/" + transferId + "/ack", POLICE, PKCS7, new byte[] {0x30, 0x03, 1, 2, 3}, Map.of());

        assertThat(ack.status()).isEqualTo(422);
        assertThat(ack.json().get("reason").asString()).isEqualTo("MALFORMED");
    }

    @Test
    void whenTheAckHasNoBodyThenItIsAcknowledgedWithoutReceiptAndNoReceiptCanBeDownloaded() {
        String transferId = submit();
        awaitAndDownload(transferId);

        Response ack = client.post("/api/v1/mailbox/" + transferId + "/ack", POLICE, null, new byte[0], Map.of());

        assertThat(ack.status()).isEqualTo(200);
        assertThat(client.get("/api/v1/transfers/" + transferId, UNIVERSITY).json().get("receipt").isNull()).isTrue();
        assertThat(client.get("/api/v1/transfers/" + transferId + "/receipt", UNIVERSITY).status()).isEqualTo(404);
        JsonNode acknowledged = entry(client.get("/api/v1/audit/transfers?transferId=" + transferId, DPO).json(), "ACKNOWLEDGED");
        assertThat(acknowledged.get("detail").asString()).isEqualTo("acknowledged without receipt");
        assertThat(acknowledged.get("receiptSha256").isNull()).isTrue();
    }

    @Test
    void whenStockOpensslMakesTheReceiptThenTheAckIsAccepted(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(opensslPresent(), "openssl is not on PATH: skipping the OpenSSL receipt check");
        String transferId = submit();
        byte[] sealed = awaitAndDownload(transferId);
        Files.write(dir.resolve("receipt.json"), new ReceiptContent(transferId, Fingerprints.sha256Hex(sealed), Instant.now()).toJson());
        Path partner = DATA_DIR.resolve("pki").resolve("partners");
        Process openssl = new ProcessBuilder("openssl", "cms", "-sign", "-binary", "-nodetach", "-outform", "DER", "-md", "sha256",
                "-signer", partner.resolve(POLICE + ".crt").toString(), "-inkey", partner.resolve(POLICE + ".key").toString(),
                "-in", "receipt.json", "-out", "receipt.p7s").directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor()).as(output).isZero();

        Response ack = client.post("/api/v1/mailbox/" + transferId + "/ack", POLICE, "application/pkcs7-mime",
                Files.readAllBytes(dir.resolve("receipt.p7s")), Map.of());

        assertThat(ack.status()).isEqualTo(200);
        assertThat(client.get("/api/v1/transfers/" + transferId, UNIVERSITY).json().get("receipt").get("signer").asString())
                .contains("CN=" + POLICE);
    }

    private String submit() {
        Response submitted = client.postJson("/api/v1/records", UNIVERSITY, Fixtures.json(Fixtures.referral()));
        assertThat(submitted.status()).isEqualTo(202);
        return submitted.json().get("transferId").asString();
    }

    private byte[] awaitAndDownload(String transferId) {
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
                client.listedIds("/api/v1/mailbox", POLICE).contains(transferId));
        Response download = client.get("/api/v1/mailbox/" + transferId, POLICE);
        assertThat(download.status()).isEqualTo(200);
        return download.body();
    }

    private static byte[] receipt(String partner, String transferId, String sealedSha256) {
        DemoPki pki = pki();
        return new ReceiptSigner(pki.partnerKey(partner), List.of(pki.partnerCertificate(partner)), Clock.systemUTC())
                .sign(new ReceiptContent(transferId, sealedSha256, Instant.now()));
    }

    private static DemoPki pki() {
        return DemoPki.ensure(DATA_DIR.resolve("pki"), List.of(POLICE, CHANNEL_PANEL));
    }

    private static JsonNode entry(JsonNode page, String event) {
        for (JsonNode e : page.get("entries")) {
            if (e.get("event").asString().equals(event)) {
                return e;
            }
        }
        throw new AssertionError("No " + event + " entry");
    }

    private static boolean opensslPresent() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
