package org.accord.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.AccordApplication;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The partner tool against a running gateway over real HTTP: the police Prevent team fetches its mailbox, more
 * than one page of it, opens each referral, acknowledges it with a signed receipt, and the university sees and
 * verifies that receipt.
 */
@SpringBootTest(classes = AccordApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FetchCommandIntegrationTests extends GatewayIntegrationTest {

    private static final String UNIVERSITY = "uni-northbridge";
    private static final String POLICE = "ctp-nw-prevent";

    /** One more than the mailbox's default page, so that fetch must follow next. */
    private static final int MORE_THAN_A_PAGE = 101;

    @Test
    void whenThePoliceFetchOpenAndAcknowledgeMoreThanAPageThenEachIsTakenOnceAndTheUniversityHoldsAVerifiableReceipt(
            @TempDir Path inbox) throws Exception {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < MORE_THAN_A_PAGE; i++) {
            Response submitted = client.postJson("/api/v1/records", UNIVERSITY, Fixtures.json(Fixtures.referral()));
            sent.add(submitted.json().get("transferId").asString());
        }
        String transferId = sent.get(0);
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
                client.listedIds("/api/v1/mailbox", POLICE).containsAll(sent));
        assertThat(client.get("/api/v1/mailbox", POLICE).json().has("next")).as("more than one page waits").isTrue();
        Path pki = DATA_DIR.resolve("pki");

        CommandRun fetch = CommandRun.of("fetch", "--gateway", "http://localhost:" + port, "--client-id", POLICE,
                "--client-secret", demoClients.secretOf(POLICE), "--to", inbox.toString(), "--ack",
                "--key", pki.resolve("partners/" + POLICE + ".key").toString(),
                "--cert", pki.resolve("partners/" + POLICE + ".crt").toString(), "--ca", pki.resolve("ca.crt").toString());

        assertThat(fetch.exitCode()).as(fetch.err()).isZero();
        assertThat(fetch.out()).contains(transferId + " opened: signed by CN=accord-gateway", transferId + " acknowledged");
        List<String> downloaded = fetch.out().lines().filter(line -> line.contains(" downloaded ("))
                .map(line -> line.substring(0, line.indexOf(' '))).toList();
        List<String> acknowledged = fetch.out().lines().filter(line -> line.contains(" acknowledged with signed receipt"))
                .map(line -> line.substring(0, line.indexOf(' '))).toList();
        assertThat(downloaded).doesNotHaveDuplicates().containsAll(sent);
        assertThat(acknowledged).containsExactlyElementsOf(downloaded);
        assertThat(downloaded.stream().filter(sent::contains).toList()).as("in the order they were sent").containsExactlyElementsOf(sent);
        JsonNode record = new tools.jackson.databind.json.JsonMapper().readTree(Files.readString(inbox.resolve(transferId + ".json")));
        assertThat(record.get("transferId").asString()).isEqualTo(transferId);
        assertThat(record.get("record").get("subject").has("religion")).as("withheld by the agreement").isFalse();
        assertThat(client.listedIds("/api/v1/mailbox", POLICE)).doesNotContainAnyElementsOf(sent);

        JsonNode view = client.get("/api/v1/transfers/" + transferId, UNIVERSITY).json();
        assertThat(view.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        byte[] receipt = client.get("/api/v1/transfers/" + transferId + "/receipt", UNIVERSITY).body();
        assertThat(Fingerprints.sha256Hex(receipt)).isEqualTo(view.get("receipt").get("sha256").asString());
        Path receiptFile = Files.write(inbox.resolve("downloaded.p7s"), receipt);

        CommandRun verify = CommandRun.of("verify", receiptFile.toString(), "--signer", pki.resolve("partners/" + POLICE + ".crt").toString(),
                "--ca", pki.resolve("ca.crt").toString(), "--transfer-id", transferId,
                "--sealed-sha256", view.get("sealedSha256").asString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("VALID receipt for transfer " + transferId);
    }

    @Test
    void whenTheDpoExportsTheLogThenVerifyLogAcceptsItAndRejectsAnEditedCopy(@TempDir Path dir) throws Exception {
        client.postJson("/api/v1/records", UNIVERSITY, Fixtures.json(Fixtures.referral()));
        Path export = Files.write(dir.resolve("log.jsonl"), client.get("/api/v1/audit/export", "accord-dpo").body());
        String gatewayCert = DATA_DIR.resolve("pki/gateway.crt").toString();

        CommandRun intact = CommandRun.of("verify-log", export.toString(), "--gateway-cert", gatewayCert);
        Path edited = Files.writeString(dir.resolve("edited.jsonl"),
                Files.readString(export).replaceFirst("\"recipient\":\"ctp-nw-prevent\"", "\"recipient\":\"la-northbridge-channel\""));
        CommandRun broken = CommandRun.of("verify-log", edited.toString(), "--gateway-cert", gatewayCert);

        assertThat(intact.exitCode()).as(intact.err()).isZero();
        assertThat(intact.out()).startsWith("OK: ");
        assertThat(broken.exitCode()).isEqualTo(PartnerTool.REJECTED);
        assertThat(broken.err()).contains("BROKEN at entry", "ALTERED");
    }
}
