package org.accord.gateway.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.TestDirs;
import org.accord.gateway.support.TestTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The safeguarding lead's case-management system, a WireMock server requiring mutual TLS, is notified when a
 * concern from student support reaches the lead's inbox: at once; after a 500; and, while it is down, retried
 * until given up. Each notification carries ids and a link only, signed with the unit's HMAC secret.
 */
class UnitWebhookIntegrationTests {

    private static final String UNIT = "uni-northbridge/safeguarding-lead";
    private static final String PATH = "/cms/accord-notifications";
    private static final String SECRET = "test-only-webhook-secret-0123456789abcdef";

    private static WireMockServer receiver;
    private static ConfigurableApplicationContext gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start() throws Exception {
        Path root = TestDirs.create("accord-webhook-");
        TestTls tls = TestTls.create(root.resolve("tls"));
        receiver = new WireMockServer(tls.mutualTlsServer());
        receiver.start();
        String unit = "--accord.webhooks.units[" + UNIT + "].";
        gateway = new SpringApplicationBuilder(AccordApplication.class).run("--server.port=0", "--accord.data-dir=" + root.resolve("data"),
                "--accord.webhooks.max-attempts=3", "--accord.webhooks.retry-delay=PT0.2S", "--accord.webhooks.max-retry-delay=PT0.5S",
                "--accord.webhooks.poll-every=PT0.2S", "--accord.webhooks.api-base-url=https://accord.northbridge.example",
                unit + "url=https://localhost:" + receiver.httpsPort() + PATH, unit + "tls-bundle=cms", unit + "hmac-secret=" + SECRET,
                "--spring.ssl.bundle.pem.cms.keystore.certificate=file:" + tls.path("client.crt"),
                "--spring.ssl.bundle.pem.cms.keystore.private-key=file:" + tls.path("client.key"),
                "--spring.ssl.bundle.pem.cms.truststore.certificate=file:" + tls.path("ca.crt"));
        client = GatewayClient.forContext(gateway);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (receiver != null) {
            receiver.stop();
        }
    }

    @BeforeEach
    void resetReceiver() {
        receiver.resetAll();
    }

    @Test
    void whenTheReceiverAcceptsThenItIsNotifiedOnceWithIdsAndALinkSignedWithTheUnitSecret() throws Exception {
        receiver.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));

        String id = raiseConcern();

        awaitEvent(id, "NOTIFIED");
        List<LoggedRequest> received = receiver.findAll(postRequestedFor(urlEqualTo(PATH)).withHeader("Accord-Transfer-Id", equalTo(id)));
        assertThat(received).hasSize(1);
        LoggedRequest request = received.get(0);
        JsonNode notice = JsonMapper.builder().build().readTree(request.getBody());
        assertThat(notice.propertyNames()).containsExactlyInAnyOrder("notificationId", "event", "transferId", "unit", "sender",
                "recordType", "direction", "availableAt", "link");
        assertThat(notice.get("transferId").asString()).isEqualTo(id);
        assertThat(notice.get("unit").asString()).isEqualTo(UNIT);
        assertThat(notice.get("sender").asString()).isEqualTo("uni-northbridge/student-support");
        assertThat(notice.get("recordType").asString()).isEqualTo("safeguarding-concern");
        assertThat(notice.get("event").asString()).isEqualTo("transfer-available");
        assertThat(request.getHeader("Accord-Notification-Id")).isEqualTo(notice.get("notificationId").asString());

        URI link = URI.create(notice.get("link").asString());
        assertThat(link.getHost()).isEqualTo("accord.northbridge.example");
        assertThat(client.get(link.getPath(), "uni-northbridge").status()).isEqualTo(200);

        String signature = request.getHeader("Accord-Signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = signature.substring(2, signature.indexOf(','));
        String v1 = signature.substring(signature.indexOf("v1=") + 3);
        assertThat(v1).isEqualTo(hmacAsReceiverComputesIt(SECRET, t, request.getBody()));
        assertThat(v1).isNotEqualTo(hmacAsReceiverComputesIt("another-secret-of-the-same-length-000000", t, request.getBody()));
    }

    @Test
    void whenTheReceiverFailsOnceThenTheRetryNotifiesAndBothAttemptsAreLogged() {
        receiver.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        receiver.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(204)));

        String id = raiseConcern();

        awaitEvent(id, "NOTIFIED");
        assertThat(notifyEntries(id)).containsExactly("NOTIFY_ATTEMPT_FAILED HTTP_500", "NOTIFIED HTTP_204");
        receiver.verify(2, postRequestedFor(urlEqualTo(PATH)).withHeader("Accord-Transfer-Id", equalTo(id)));
    }

    @Test
    void whenTheReceiverIsDownThenEachAttemptIsLoggedAndTheNotificationIsGivenUpWhileTheRecordStaysInTheInbox() {
        receiver.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        String id = raiseConcern();

        awaitEvent(id, "NOTIFY_FAILED");
        assertThat(notifyEntries(id)).containsExactly("NOTIFY_ATTEMPT_FAILED IO_FAILURE", "NOTIFY_ATTEMPT_FAILED IO_FAILURE",
                "NOTIFY_FAILED IO_FAILURE");
        assertThat(client.get("/api/v1/transfers/" + id, "uni-northbridge-student-support").json().get("status").asString())
                .isEqualTo("AVAILABLE");
    }

    private static String raiseConcern() {
        GatewayClient.Response response = client.postJson("/api/v1/records", "uni-northbridge-student-support", Fixtures.json(
                Fixtures.submission("safeguarding-concern", UNIT, "internal-safeguarding-escalation", Fixtures.example("safeguarding-concern"))));
        assertThat(response.status()).as(new String(response.body())).isEqualTo(202);
        return response.json().get("transferId").asString();
    }

    private static void awaitEvent(String id, String event) {
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() ->
                notifyEntries(id).stream().anyMatch(e -> e.startsWith(event + " ")));
    }

    /** The transfer's notification entries in the log, each as "EVENT CODE". */
    private static List<String> notifyEntries(String id) {
        List<String> entries = new ArrayList<>();
        client.get("/api/v1/audit/transfers?transferId=" + id, "accord-dpo").json().get("entries").forEach(e -> {
            if (e.get("event").asString().startsWith("NOTIF")) {
                entries.add(e.get("event").asString() + " " + e.get("code").asString());
            }
        });
        return entries;
    }

    private static String hmacAsReceiverComputesIt(String secret, String t, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
