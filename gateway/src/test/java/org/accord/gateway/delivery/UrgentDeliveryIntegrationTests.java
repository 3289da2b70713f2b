package org.accord.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.HeldResponse;
import org.accord.gateway.support.TestCatalogue;
import org.accord.gateway.support.TestDirs;
import org.accord.gateway.support.TestTls;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Urgent transfers to partners pushed over HTTPS (WireMock servers requiring mutual TLS): one queued behind a
 * routine backlog while delivery is stopped is delivered first once it starts, and one queued while the consumer is
 * busy with a routine push is the next it takes; its partner's duty officer is
 * alerted on the partner's duty webhook, over mutual TLS and signed; an envelope may say {@code urgent: true} only
 * where the flow allows it.
 */
class UrgentDeliveryIntegrationTests {

    private static final String DUTY = "p-duty";
    private static final String ALLOW = "p-allow";
    private static final String HELD = "p-held";
    private static final HeldResponse GATE = new HeldResponse();
    private static final String DUTY_PATH = "/p-duty/duty-officer";
    private static final String SECRET = "test-only-duty-webhook-secret-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static WireMockServer partner;
    private static ConfigurableApplicationContext gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start() throws Exception {
        Path root = TestDirs.create("accord-urgent-");
        TestTls tls = TestTls.create(root.resolve("tls"));
        partner = new WireMockServer(tls.mutualTlsServer().extensions(GATE));
        partner.start();
        partner.stubFor(post(urlEqualTo(DUTY_PATH)).willReturn(aResponse().withStatus(204)));
        partner.stubFor(post(urlEqualTo("/" + ALLOW + "/inbound")).willReturn(aResponse().withStatus(202)));
        partner.stubFor(post(urlEqualTo("/" + DUTY + "/inbound")).willReturn(aResponse().withStatus(202)).atPriority(10));
        Path agreements = root.resolve("agreements");
        Files.createDirectories(agreements);
        TestCatalogue.copyTree(Fixtures.SCHEMAS, root.resolve("schemas"));
        TestCatalogue.writeOrganisations(agreements, DUTY, ALLOW, HELD);
        LocalDate today = LocalDate.now();
        for (String p : List.of(DUTY, ALLOW, HELD)) {
            TestCatalogue.writeAgreement(agreements, "isa-" + p, "active", today.minusYears(1), today.plusYears(1), p, "inbound",
                    "https", "https://localhost:" + partner.httpsPort() + "/" + p + "/inbound");
        }
        Path allowing = agreements.resolve("isa-" + ALLOW + ".yaml");
        Files.writeString(allowing, Files.readString(allowing).replaceFirst("    channel: \\{ kind: https",
                "    allowUrgent: true\n    channel: { kind: https"));
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--accord.data-dir=" + root.resolve("data"),
                "--accord.agreements.directory=" + agreements, "--accord.schemas.directory=" + root.resolve("schemas"),
                "--accord.delivery.consumers=1", "--accord.webhooks.poll-every=PT0.2S",
                "--accord.urgent.partners." + DUTY + ".url=https://localhost:" + partner.httpsPort() + DUTY_PATH,
                "--accord.urgent.partners." + DUTY + ".tls-bundle=partners",
                "--accord.urgent.partners." + DUTY + ".hmac-secret=" + SECRET,
                "--spring.ssl.bundle.pem.partners.keystore.certificate=file:" + tls.path("client.crt"),
                "--spring.ssl.bundle.pem.partners.keystore.private-key=file:" + tls.path("client.key"),
                "--spring.ssl.bundle.pem.partners.truststore.certificate=file:" + tls.path("ca.crt")));
        for (String p : List.of(DUTY, ALLOW, HELD)) {
            args.add("--accord.partners." + p + ".name=Partner " + p);
            args.add("--accord.delivery.https." + p + ".tls-bundle=partners");
        }
        gateway = new SpringApplicationBuilder(AccordApplication.class).run(args.toArray(String[]::new));
        client = GatewayClient.forContext(gateway);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (partner != null) {
            partner.stop();
        }
    }

    @Test
    void whenAnUrgentTransferIsQueuedBehindARoutineBacklogThenThePartnerReceivesItFirst() throws Exception {
        CamelContext camel = gateway.getBean(CamelContext.class);
        camel.getRouteController().stopRoute("delivery.dispatch");
        List<String> routine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            routine.add(client.submitReferral(DUTY));
        }
        Response urgent = submit(DUTY, imminentReferral(DUTY), null);
        assertThat(urgent.status()).isEqualTo(202);
        String urgentId = urgent.json().get("transferId").asString();
        for (String id : routine) {
            client.awaitTransferStatus(id, "QUEUED");
        }
        client.awaitTransferStatus(urgentId, "QUEUED");
        // The partner answers whichever comes first, and the scenario's state says which it was.
        String path = "/" + DUTY + "/inbound";
        partner.stubFor(post(urlEqualTo(path)).inScenario("order").whenScenarioStateIs(Scenario.STARTED)
                .withHeader("Accord-Transfer-Id", equalTo(urgentId)).willReturn(aResponse().withStatus(202))
                .willSetStateTo("urgent-first").atPriority(1));
        partner.stubFor(post(urlEqualTo(path)).inScenario("order").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(202)).willSetStateTo("routine-first").atPriority(2));
        partner.stubFor(post(urlEqualTo(path)).inScenario("order").whenScenarioStateIs("urgent-first")
                .willReturn(aResponse().withStatus(202)).atPriority(3));
        partner.stubFor(post(urlEqualTo(path)).inScenario("order").whenScenarioStateIs("routine-first")
                .willReturn(aResponse().withStatus(202)).atPriority(3));

        camel.getRouteController().startRoute("delivery.dispatch");

        client.awaitTransferStatus(urgentId, "DELIVERED");
        for (String id : routine) {
            client.awaitTransferStatus(id, "DELIVERED");
        }
        assertThat(partner.getAllScenarios().getScenarios()).filteredOn(s -> s.getName().equals("order"))
                .singleElement().satisfies(s -> assertThat(s.getState()).isEqualTo("urgent-first"));
        assertThat(client.logEntries(urgentId)).filteredOn(e -> e.get("event").asString().equals("RECEIVED"))
                .singleElement().satisfies(e -> assertThat(e.get("detail").asString()).isEqualTo("urgent"));
        assertThat(client.logEntries(routine.get(0))).filteredOn(e -> e.get("event").asString().equals("RECEIVED"))
                .singleElement().satisfies(e -> assertThat(e.path("detail").asString("")).isNotEqualTo("urgent"));
    }

    @Test
    void whenTheConsumerIsBusyWithARoutinePushThenTheUrgentTransferQueuedAfterTheBacklogIsItsNext() {
        String path = "/" + HELD + "/inbound";
        partner.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(202).withTransformers(HeldResponse.NAME))
                .atPriority(10));
        String first = client.submitReferral(HELD);
        try {
            assertThat(GATE.arrived.await(60, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        List<String> routine = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            routine.add(client.submitReferral(HELD));
        }
        String urgentId = submit(HELD, imminentReferral(HELD), null).json().get("transferId").asString();
        routine.forEach(id -> client.awaitTransferStatus(id, "QUEUED"));
        client.awaitTransferStatus(urgentId, "QUEUED");
        partner.stubFor(post(urlEqualTo(path)).inScenario("held").whenScenarioStateIs(Scenario.STARTED)
                .withHeader("Accord-Transfer-Id", equalTo(urgentId)).willReturn(aResponse().withStatus(202))
                .willSetStateTo("urgent-next").atPriority(1));
        partner.stubFor(post(urlEqualTo(path)).inScenario("held").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(202)).willSetStateTo("routine-next").atPriority(2));

        GATE.release.countDown();

        client.awaitTransferStatus(first, "DELIVERED");
        client.awaitTransferStatus(urgentId, "DELIVERED");
        routine.forEach(id -> client.awaitTransferStatus(id, "DELIVERED"));
        assertThat(partner.getAllScenarios().getScenarios()).filteredOn(s -> s.getName().equals("held"))
                .singleElement().satisfies(s -> assertThat(s.getState()).isEqualTo("urgent-next"));
    }

    @Test
    void whenAnUrgentTransferIsAcceptedThenThePartnersDutyWebhookIsNotifiedOverMutualTlsSignedAndLogged() throws Exception {
        String urgentId = submit(DUTY, imminentReferral(DUTY), null).json().get("transferId").asString();
        String routineId = client.submitReferral(DUTY);

        await().atMost(30, TimeUnit.SECONDS).until(() -> events(urgentId).contains("NOTIFIED"));
        List<LoggedRequest> alerts = partner.findAll(postRequestedFor(urlEqualTo(DUTY_PATH))
                .withHeader("Accord-Transfer-Id", equalTo(urgentId)));
        assertThat(alerts).hasSize(1);
        JsonNode notice = JSON.readTree(alerts.get(0).getBody());
        assertThat(notice.get("event").asString()).isEqualTo("urgent-transfer");
        assertThat(notice.get("partner").asString()).isEqualTo(DUTY);
        assertThat(notice.get("recordType").asString()).isEqualTo("prevent-referral");
        assertThat(notice.toString()).doesNotContain("subject").doesNotContain("immediateRisk");
        String signature = alerts.get(0).getHeader("Accord-Signature");
        String t = signature.substring(2, signature.indexOf(','));
        assertThat(signature.substring(signature.indexOf("v1=") + 3)).isEqualTo(hmac(SECRET, t, alerts.get(0).getBody()));
        client.awaitTransferStatus(routineId, "DELIVERED");
        assertThat(partner.findAll(postRequestedFor(urlEqualTo(DUTY_PATH)).withHeader("Accord-Transfer-Id", equalTo(routineId))))
                .isEmpty();
        assertThat(events(routineId)).doesNotContain("NOTIFIED");
    }

    @Test
    void whenTheEnvelopeSaysUrgentOnAFlowThatDoesNotAllowItThenItIsRefusedAndLogged() {
        Response refused = submit(DUTY, routineReferral(DUTY), true);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("REFUSED_BY_AGREEMENT");
        assertThat(refused.json().get("reason").asString()).isEqualTo("URGENT_NOT_ALLOWED");
        String refusalId = refused.json().get("refusalId").asString();
        assertThat(client.logEntries(refusalId)).extracting(e -> e.get("code").asString()).contains("URGENT_NOT_ALLOWED");
    }

    @Test
    void whenTheEnvelopeSaysUrgentOnAFlowThatAllowsItThenTheTransferIsUrgent() {
        Response accepted = submit(ALLOW, routineReferral(ALLOW), true);

        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().get("transferId").asString();
        client.awaitTransferStatus(id, "DELIVERED");
        assertThat(client.logEntries(id)).filteredOn(e -> e.get("event").asString().equals("RECEIVED"))
                .singleElement().satisfies(e -> assertThat(e.get("detail").asString()).isEqualTo("urgent"));
    }

    @Test
    void whenTheEnvelopesUrgentIsNotABooleanThenTheSubmissionIsInvalid() {
        ObjectNode body = Fixtures.submission("prevent-referral", ALLOW, "assess", routineReferral(ALLOW));
        body.put("urgent", "yes");

        Response response = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(body));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("INVALID_SUBMISSION");
        assertThat(response.json().get("violations").toString()).contains("/urgent");
    }

    private static ObjectNode routineReferral(String partnerId) {
        return Fixtures.example("prevent-referral");
    }

    private static ObjectNode imminentReferral(String partnerId) {
        ObjectNode record = Fixtures.example("prevent-referral");
        ((ObjectNode) record.get("immediateRisk")).put("emergencyServicesCalled", true);
        return record;
    }

    private static Response submit(String recipient, ObjectNode record, Boolean urgent) {
        ObjectNode body = Fixtures.submission("prevent-referral", recipient, "assess", record);
        if (urgent != null) {
            body.put("urgent", urgent);
        }
        return client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(body));
    }

    private static List<String> events(String transferId) {
        return client.logEntries(transferId).stream().map(e -> e.get("event").asString()).toList();
    }

    private static String hmac(String secret, String t, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
