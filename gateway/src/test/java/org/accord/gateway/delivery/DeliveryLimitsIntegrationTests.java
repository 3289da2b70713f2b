package org.accord.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.HeldResponse;
import org.accord.gateway.support.MovableClock;
import org.accord.gateway.support.TestCatalogue;
import org.accord.gateway.support.TestDirs;
import org.accord.gateway.support.TestTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Delivery limits per partner, against WireMock partners requiring mutual TLS that answer 503: a partner with its
 * own lower {@code max-attempts} fails after that many while another keeps the global number; a transfer still
 * undelivered when its time is up fails on its next attempt, and a resend gives it its time again; a push held
 * by an open circuit fails too once its partner's time is up. Time is moved on with the gateway's clock.
 */
class DeliveryLimitsIntegrationTests {

    private static final int GLOBAL_MAX_ATTEMPTS = 4;
    private static final Duration GLOBAL_GIVE_UP_AFTER = Duration.ofHours(24);
    private static final String STRICT = "p-strict";
    private static final String GLOBAL = "p-global";
    private static final String LATE = "p-late";
    private static final String HELD = "p-held";
    private static final HeldResponse GATE = new HeldResponse();
    private static final MovableClock CLOCK = new MovableClock();

    private static Path root;
    private static WireMockServer partner;
    private static ConfigurableApplicationContext gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start() throws Exception {
        root = TestDirs.create("accord-limits-");
        TestTls tls = TestTls.create(root.resolve("tls"));
        partner = new WireMockServer(tls.mutualTlsServer()
                .extensions(GATE));
        partner.start();
        for (String p : List.of(STRICT, GLOBAL, HELD)) {
            partner.stubFor(post(urlEqualTo("/" + p + "/inbound")).willReturn(aResponse().withStatus(503)));
        }
        // The late partner fails its first attempt at once and holds the second until the test opens the gate.
        partner.stubFor(post(urlEqualTo("/" + LATE + "/inbound")).inScenario("late").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("gated"));
        partner.stubFor(post(urlEqualTo("/" + LATE + "/inbound")).inScenario("late").whenScenarioStateIs("gated")
                .willReturn(aResponse().withStatus(503).withTransformers(HeldResponse.NAME)));

        Path agreements = root.resolve("agreements");
        Files.createDirectories(agreements);
        TestCatalogue.copyTree(Fixtures.SCHEMAS, root.resolve("schemas"));
        TestCatalogue.writeOrganisations(agreements, STRICT, GLOBAL, LATE, HELD);
        LocalDate today = LocalDate.now();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--accord.data-dir=" + root.resolve("data"),
                "--accord.agreements.directory=" + agreements, "--accord.schemas.directory=" + root.resolve("schemas"),
                "--accord.delivery.max-attempts=" + GLOBAL_MAX_ATTEMPTS, "--accord.delivery.give-up-after=" + GLOBAL_GIVE_UP_AFTER,
                "--accord.delivery.retry-delay=PT0.2S", "--accord.delivery.max-retry-delay=PT0.5S",
                "--accord.delivery.http-timeout=PT60S",
                "--accord.delivery.circuit.failure-threshold=5", "--accord.delivery.circuit.open-for=PT10S",
                "--accord.delivery.limits." + STRICT + ".max-attempts=2",
                "--accord.delivery.limits." + LATE + ".max-attempts=1000",
                "--accord.delivery.limits." + HELD + ".max-attempts=1000",
                "--accord.delivery.limits." + HELD + ".give-up-after=PT2H",
                "--spring.ssl.bundle.pem.partners.keystore.certificate=file:" + tls.path("client.crt"),
                "--spring.ssl.bundle.pem.partners.keystore.private-key=file:" + tls.path("client.key"),
                "--spring.ssl.bundle.pem.partners.truststore.certificate=file:" + tls.path("ca.crt")));
        for (String p : List.of(STRICT, GLOBAL, LATE, HELD)) {
            TestCatalogue.writeAgreement(agreements, "isa-" + p, "active", today.minusYears(1), today.plusYears(1), p, "inbound",
                    "https", "https://localhost:" + partner.httpsPort() + "/" + p + "/inbound");
            args.add("--accord.partners." + p + ".name=Partner " + p);
            args.add("--accord.delivery.https." + p + ".tls-bundle=partners");
        }
        gateway = new SpringApplicationBuilder(AccordApplication.class).initializers(CLOCK.asGatewayClock())
                .run(args.toArray(String[]::new));
        client = GatewayClient.forContext(gateway);
    }

    @AfterAll
    static void stop() {
        GATE.release.countDown();
        if (gateway != null) {
            gateway.close();
        }
        if (partner != null) {
            partner.stop();
        }
    }

    @Test
    void whenAPartnerHasItsOwnLowerMaxAttemptsThenItsTransferFailsAfterThoseWhileAnotherPartnerKeepsTheGlobalNumber() {
        String strict = client.submitReferral(STRICT);
        String global = client.submitReferral(GLOBAL);

        client.awaitTransferStatus(strict, "FAILED");
        client.awaitTransferStatus(global, "FAILED");

        assertThat(details(strict, "DELIVERY_ATTEMPT_FAILED")).containsExactly("attempt 1 of 2");
        assertThat(details(strict, "DELIVERY_FAILED")).containsExactly("gave up after attempt 2");
        partner.verify(2, postRequestedFor(urlEqualTo("/" + STRICT + "/inbound")));
        assertThat(details(global, "DELIVERY_ATTEMPT_FAILED")).containsExactly("attempt 1 of 4", "attempt 2 of 4", "attempt 3 of 4");
        assertThat(details(global, "DELIVERY_FAILED")).containsExactly("gave up after attempt 4");
        partner.verify(GLOBAL_MAX_ATTEMPTS, postRequestedFor(urlEqualTo("/" + GLOBAL + "/inbound")));
        assertThat(client.logEntries(global)).filteredOn(e -> "DELIVERY_FAILED".equals(e.get("event").asString()))
                .allSatisfy(e -> assertThat(e.get("code").asString()).isEqualTo("HTTP_503"));
    }

    @Test
    void whenATransferIsStillUndeliveredAfterGiveUpAfterThenItsNextAttemptFailsItAndAResendDeliversIt() {
        String id = client.submitReferral(LATE);
        try {
            assertThat(GATE.arrived.await(60, TimeUnit.SECONDS)).isTrue();
            // The second attempt is under way when a day has gone by.
            CLOCK.advance(GLOBAL_GIVE_UP_AFTER.plusMinutes(1));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        finally {
            GATE.release.countDown();
        }

        client.awaitTransferStatus(id, "FAILED");
        assertThat(details(id, "DELIVERY_ATTEMPT_FAILED")).containsExactly("attempt 1 of 1000");
        JsonNode failed = last(id);
        assertThat(failed.get("event").asString()).isEqualTo("DELIVERY_FAILED");
        assertThat(failed.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(failed.get("code").asString()).isEqualTo("HTTP_503");
        assertThat(failed.get("detail").asString()).isEqualTo("gave up after attempt 2 of 1000: the time limit of PT24H has passed");

        // The resend starts the clock again: the partner, still down, is retried rather than given up on at once.
        GatewayClient.Response resend = client.post("/api/v1/transfers/" + id + "/resend", "accord-dpo", null, new byte[0], Map.of());
        assertThat(resend.status()).isEqualTo(200);
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> !sinceResend(id).isEmpty());
        assertThat(sinceResend(id).get(0).get("detail").asString()).isEqualTo("attempt 1 of 1000");
        assertThat(client.transferStatus(id)).isEqualTo("QUEUED");

        partner.stubFor(post(urlEqualTo("/" + LATE + "/inbound")).willReturn(aResponse().withStatus(202)));
        client.awaitTransferStatus(id, "DELIVERED");
        assertThat(events(id)).containsSubsequence("DELIVERY_FAILED", "RESEND_REQUESTED", "DELIVERY_ATTEMPT_FAILED", "DELIVERED");
    }

    @Test
    void whenAPushIsHeldByAnOpenCircuitPastItsPartnersGiveUpAfterThenTheTransferFails() {
        String id = client.submitReferral(HELD);

        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
                "PARTNER_CIRCUIT_OPEN".equals(last(id).get("code").asString()));
        // Still awaiting delivery, and queued: a push recorded while the hand-over was marked does not write SEALED back.
        assertThat(client.transferStatus(id)).isEqualTo("QUEUED");
        // Past the partner's own two hours, well inside the global day.
        CLOCK.advance(Duration.ofHours(3));

        client.awaitTransferStatus(id, "FAILED");
        JsonNode failed = last(id);
        assertThat(failed.get("event").asString()).isEqualTo("DELIVERY_FAILED");
        assertThat(failed.get("code").asString()).isEqualTo("PARTNER_CIRCUIT_OPEN");
        assertThat(failed.get("detail").asString())
                .isEqualTo("not attempted, partner circuit open; gave up after the time limit of PT2H, 5 of 1000 attempts made");
    }


    private static JsonNode last(String id) {
        List<JsonNode> entries = client.logEntries(id);
        return entries.get(entries.size() - 1);
    }

    /** The entries logged after the transfer's resend was requested. */
    private static List<JsonNode> sinceResend(String id) {
        List<JsonNode> entries = client.logEntries(id);
        int resend = entries.stream().map(e -> e.get("event").asString()).toList().lastIndexOf("RESEND_REQUESTED");
        return entries.subList(resend + 1, entries.size());
    }

    private static List<String> events(String id) {
        return client.logEntries(id).stream().map(e -> e.get("event").asString()).toList();
    }

    private static List<String> details(String id, String event) {
        return client.logEntries(id).stream().filter(e -> event.equals(e.get("event").asString())).map(e -> e.get("detail").asString()).toList();
    }
}
