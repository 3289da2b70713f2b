package org.accord.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.accord.gateway.crypto.CmsOpener;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.OpenedMessage;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole outbound path over real HTTP with real tokens: a university submits the example referral, the
 * police Prevent team fetches it from its mailbox, opens it with its own key, and finds exactly what the
 * agreement allows; the DPO finds every step in the transfer log, and no personal data there.
 */
class SubmitEndToEndIntegrationTests extends GatewayIntegrationTest {

    private static final String UNIVERSITY = "uni-northbridge";
    private static final String POLICE = "ctp-nw-prevent";
    private static final String CHANNEL_PANEL = "la-northbridge-channel";
    private static final String DPO = "accord-dpo";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private MeterRegistry meters;

    @Test
    void whenUniversitySubmitsReferralThenPolicePartnerOpensOnlyTheAgreedFieldsAndTheLogHasEveryStep() throws Exception {
        ObjectNode original = Fixtures.example("prevent-referral");
        Response submitted = client.postJson("/api/v1/records", UNIVERSITY, Fixtures.json(Fixtures.referral()));

        assertThat(submitted.status()).isEqualTo(202);
        String transferId = submitted.json().get("transferId").asString();
        assertThat(submitted.location()).isEqualTo("/api/v1/transfers/" + transferId);

        byte[] sealed = awaitAndDownload(transferId);
        OpenedMessage opened = openAsPolice(sealed);

        assertThat(opened.transferId()).isEqualTo(transferId);
        assertThat(opened.signer()).isEqualTo(DemoPki.ensure(DATA_DIR.resolve("pki"), List.of()).gatewayCertificate());
        JsonNode message = json.readTree(opened.content());
        assertThat(message.get("transferId").asString()).isEqualTo(transferId);
        assertThat(message.get("sender").asString()).isEqualTo("uni-northbridge/safeguarding-lead");
        assertThat(message.get("agreement").get("id").asString()).isEqualTo("isa-northbridge-prevent-referrals");
        JsonNode record = message.get("record");
        assertThat(record.get("subject").get("names")).isEqualTo(original.get("subject").get("names"));
        assertThat(record.get("concern").get("ideologyCategory")).isEqualTo(original.get("concern").get("ideologyCategory"));
        assertThat(record.get("concern").get("summary").asString())
                .as("free text scrubbed of other people's names and identifiers")
                .contains("[NAME]'s personal tutor", "flatmate [NAME]", "save [PHONE]")
                .doesNotContain("Priya", "07700 900123", "Daniel");
        assertThat(record.get("subject").has("religion")).as("withheld by the agreement").isFalse();
        assertThat(original.get("subject").has("religion")).isTrue();
        assertThat(record.get("subject").get("ucasPersonalId").asString()).isEqualTo("********7890");

        Response ack = client.post("/api/v1/mailbox/" + transferId + "/ack", POLICE, null, new byte[0], Map.of());
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(client.listedIds("/api/v1/mailbox", POLICE)).doesNotContain(transferId);

        Response log = client.get("/api/v1/audit/transfers?transferId=" + transferId, DPO);
        assertThat(log.status()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        log.json().get("entries").forEach(e -> events.add(e.get("event").asString()));
        assertThat(events).containsExactly("RECEIVED", "SEALED", "MADE_AVAILABLE", "DOWNLOADED", "ACKNOWLEDGED");
        JsonNode sealedEntry = entry(log.json(), "SEALED");
        assertThat(sealedEntry.get("sealedSha256").asString()).isEqualTo(sha256(sealed));
        assertThat(sealedEntry.get("agreement").get("id").asString()).isEqualTo("isa-northbridge-prevent-referrals");
        assertThat(strings(sealedEntry.get("fieldsWithheld"))).contains("subject.religion");
        assertThat(strings(sealedEntry.get("fieldsShared"))).contains("subject.names", "concern.ideologyCategory");
        assertThat(strings(sealedEntry.get("fieldsTransformed"))).anyMatch(f -> f.startsWith("concern.summary (scrub:"));
        assertThat(strings(sealedEntry.get("fieldsTransformed"))).anyMatch(f -> f.startsWith("subject.ucasPersonalId"));
        String logText = new String(log.body(), StandardCharsets.UTF_8);
        assertThat(logText).doesNotContain("Daniel", "Okafor", "07700", "NB4 7QX", "Priya");

        for (String stage : List.of("outbound.validate", "outbound.decide", "outbound.minimise", "outbound.seal", "outbound.store")) {
            assertThat(meters.find("accord.stage").tag("stage", stage).timer()).as(stage).isNotNull()
                    .satisfies(t -> assertThat(t.count()).isPositive());
        }
        assertThat(meters.find("accord.transfers").tag("outcome", "accepted")
                .tag("agreement", "isa-northbridge-prevent-referrals").counter().count()).isPositive();

        Response view = client.get("/api/v1/transfers/" + transferId, UNIVERSITY);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(view.json().get("sealedSha256").asString()).isEqualTo(sha256(sealed));
    }

    @Test
    void whenStockOpensslOpensTheMessageThenSignatureVerifiesAndRecordIsReadable(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(opensslPresent(), "openssl is not on PATH: skipping the OpenSSL interoperability check");
        Response submitted = client.postJson("/api/v1/records", UNIVERSITY, Fixtures.json(Fixtures.referral()));
        String transferId = submitted.json().get("transferId").asString();
        Files.write(dir.resolve("referral.p7m"), awaitAndDownload(transferId));
        Path pki = DATA_DIR.resolve("pki");

        run(dir, "openssl", "cms", "-decrypt", "-inform", "DER", "-in", "referral.p7m",
                "-recip", pki.resolve("partners/ctp-nw-prevent.crt").toString(),
                "-inkey", pki.resolve("partners/ctp-nw-prevent.key").toString(), "-out", "referral.signed");
        String verify = run(dir, "openssl", "cms", "-verify", "-inform", "DER", "-in", "referral.signed",
                "-CAfile", pki.resolve("ca.crt").toString(), "-purpose", "any", "-out", "referral.json");

        assertThat(verify).contains("Verification successful");
        JsonNode message = json.readTree(Files.readString(dir.resolve("referral.json")));
        assertThat(message.get("transferId").asString()).isEqualTo(transferId);
        assertThat(message.get("record").get("subject").has("religion")).isFalse();
    }

    @Test
    void whenTheSameIdempotencyKeyIsReusedThenTheFirstTransferIsReturnedOrTheReuseRefused() {
        String body = Fixtures.json(Fixtures.referral());
        Map<String, String> key = Map.of("Idempotency-Key", "NB-SG-2026-0147-retry");
        Response first = client.post("/api/v1/records", UNIVERSITY, "application/json", body.getBytes(StandardCharsets.UTF_8), key);
        Response again = client.post("/api/v1/records", UNIVERSITY, "application/json", body.getBytes(StandardCharsets.UTF_8), key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("transferId").asString()).isEqualTo(first.json().get("transferId").asString());
        assertThat(again.json().get("repeated").asBoolean()).isTrue();

        ObjectNode changed = Fixtures.referral();
        ((ObjectNode) changed.get("record")).put("referralDate", "2026-11-28");
        Response reused = client.post("/api/v1/records", UNIVERSITY, "application/json",
                Fixtures.json(changed).getBytes(StandardCharsets.UTF_8), key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void whenAnotherPartnerAsksForTheMessageThenItIsNotFoundAndNotListed() {
        String transferId = client.postJson("/api/v1/records", UNIVERSITY, Fixtures.json(Fixtures.referral()))
                .json().get("transferId").asString();
        awaitAndDownload(transferId);

        Response other = client.get("/api/v1/mailbox/" + transferId, CHANNEL_PANEL);
        Response otherAck = client.post("/api/v1/mailbox/" + transferId + "/ack", CHANNEL_PANEL, null, new byte[0], Map.of());
        Response otherView = client.get("/api/v1/transfers/" + transferId, CHANNEL_PANEL);

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.code()).isEqualTo("NOT_FOUND");
        assertThat(otherAck.status()).isEqualTo(404);
        assertThat(otherView.status()).isEqualTo(404);
        assertThat(client.listedIds("/api/v1/mailbox", CHANNEL_PANEL)).doesNotContain(transferId);
    }

    private byte[] awaitAndDownload(String transferId) {
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
                client.listedIds("/api/v1/mailbox", POLICE).contains(transferId));
        Response download = client.get("/api/v1/mailbox/" + transferId, POLICE);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pkcs7-mime");
        return download.body();
    }

    private static OpenedMessage openAsPolice(byte[] sealed) {
        DemoPki pki = DemoPki.ensure(DATA_DIR.resolve("pki"), List.of(POLICE));
        return new CmsOpener().open(sealed, pki.partnerKey(POLICE), pki.partnerCertificate(POLICE),
                List.of(pki.caCertificate()), Clock.systemUTC());
    }

    private static JsonNode entry(JsonNode page, String event) {
        for (JsonNode e : page.get("entries")) {
            if (e.get("event").asString().equals(event)) {
                return e;
            }
        }
        throw new AssertionError("No " + event + " entry");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static boolean opensslPresent() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        }
        catch (Exception e) {
            return false;
        }
    }

    private static String run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
