package org.accord.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.HeldResponse;
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
 * The circuit breaker per partner, against WireMock partners requiring mutual TLS: a dead partner's circuit
 * opens and its transfers are held (logged, not counted as attempts, no network call) while another partner's
 * transfers are delivered; when the partner comes back a trial push closes the circuit and the held transfers
 * are delivered. And a push in progress holds no database connection.
 */
class PartnerCircuitIntegrationTests {

    private static final int MAX_ATTEMPTS = 4;
    private static final String DEAD = "p-dead";
    private static final String HEALTHY = "p-healthy";
    private static final String SLOW = "p-slow";
    private static final HeldResponse HOLD = new HeldResponse();

    private static Path root;
    private static WireMockServer partner;
    private static ConfigurableApplicationContext gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start() throws Exception {
        root = TestDirs.create("accord-circuit-");
        TestTls tls = TestTls.create(root.resolve("tls"));
        partner = new WireMockServer(tls.mutualTlsServer()
                .extensions(HOLD));
        partner.start();
        partner.stubFor(post(urlEqualTo("/" + SLOW + "/inbound")).willReturn(aResponse().withStatus(202).withTransformers(HeldResponse.NAME)));
        partner.stubFor(post(urlEqualTo("/" + DEAD + "/inbound")).willReturn(aResponse().withStatus(503)));
        partner.stubFor(post(urlEqualTo("/" + HEALTHY + "/inbound")).willReturn(aResponse().withStatus(202)));

        Path agreements = root.resolve("agreements");
        Files.createDirectories(agreements);
        TestCatalogue.copyTree(Fixtures.SCHEMAS, root.resolve("schemas"));
        TestCatalogue.writeOrganisations(agreements, DEAD, HEALTHY, SLOW);
        LocalDate today = LocalDate.now();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--accord.data-dir=" + root.resolve("data"),
                "--accord.agreements.directory=" + agreements, "--accord.schemas.directory=" + root.resolve("schemas"),
                "--accord.delivery.max-attempts=" + MAX_ATTEMPTS, "--accord.delivery.retry-delay=PT0.2S",
                "--accord.delivery.max-retry-delay=PT0.4S", "--accord.delivery.http-timeout=PT60S",
                "--accord.delivery.circuit.failure-threshold=2", "--accord.delivery.circuit.open-for=PT3S",
                "--management.endpoint.health.show-details=always",
                "--spring.ssl.bundle.pem.partners.keystore.certificate=file:" + tls.path("client.crt"),
                "--spring.ssl.bundle.pem.partners.keystore.private-key=file:" + tls.path("client.key"),
                "--spring.ssl.bundle.pem.partners.truststore.certificate=file:" + tls.path("ca.crt")));
        for (String p : List.of(DEAD, HEALTHY, SLOW)) {
            TestCatalogue.writeAgreement(agreements, "isa-" + p, "active", today.minusYears(1), today.plusYears(1), p, "inbound",
                    "https", "https://localhost:" + partner.httpsPort() + "/" + p + "/inbound");
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
    void whenAPartnerIsDownThenItsCircuitOpensOthersAreStillDeliveredAndItsHeldTransfersGoOutWhenItReturns() {
        List<String> held = List.of(client.submitReferral(DEAD), client.submitReferral(DEAD), client.submitReferral(DEAD));

        // More failed-attempt entries than the transfer has attempts: only possible if held pushes are not counted.
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).until(() ->
                held.stream().anyMatch(id -> count(id, "DELIVERY_ATTEMPT_FAILED", null) > MAX_ATTEMPTS));
        assertThat(held).allSatisfy(id -> assertThat(client.transferStatus(id)).isNotEqualTo("FAILED"));
        assertThat(held.stream().mapToLong(id -> count(id, "DELIVERY_ATTEMPT_FAILED", "PARTNER_CIRCUIT_OPEN")).sum()).isPositive();
        assertThat(circuitState(DEAD)).isIn("OPEN", "HALF_OPEN");

        String other = client.submitReferral(HEALTHY);
        client.awaitTransferStatus(other, "DELIVERED");
        assertThat(circuitState(DEAD)).isIn("OPEN", "HALF_OPEN");

        partner.stubFor(post(urlEqualTo("/" + DEAD + "/inbound")).willReturn(aResponse().withStatus(202)));
        held.forEach(id -> client.awaitTransferStatus(id, "DELIVERED"));

        assertThat(circuitState(DEAD)).isEqualTo("CLOSED");
        assertThat(circuitState(HEALTHY)).isEqualTo("CLOSED");
        assertThat(prometheus()).contains("accord_delivery_circuit_state{partner=\"p-dead\",state=\"closed\"} 1.0");
        // A held push makes no network call: the partner saw exactly the attempts logged as made.
        long made = held.stream().mapToLong(id -> count(id, "DELIVERY_ATTEMPT_FAILED", null)
                - count(id, "DELIVERY_ATTEMPT_FAILED", "PARTNER_CIRCUIT_OPEN") + count(id, "DELIVERED", null)).sum();
        partner.verify((int) made, postRequestedFor(urlEqualTo("/" + DEAD + "/inbound")));
        for (String id : held) {
            assertThat(client.logEntries(id)).filteredOn(e -> "PARTNER_CIRCUIT_OPEN".equals(e.get("code").asString()))
                    .allSatisfy(e -> {
                        assertThat(e.get("outcome").asString()).isEqualTo("FAILED");
                        assertThat(e.get("detail").asString()).startsWith("not attempted, partner circuit open");
                    });
        }
    }

    @Test
    void whenAPushIsWaitingOnThePartnerThenItHoldsNoDatabaseConnection() throws Exception {
        HikariPoolMXBean pool = gateway.getBean(DataSource.class).unwrap(HikariDataSource.class).getHikariPoolMXBean();
        String id = client.submitReferral(SLOW);
        try {
            assertThat(HOLD.arrived.await(60, TimeUnit.SECONDS)).isTrue();
            // While the partner holds the push, the pool drains to no connection in use.
            await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50)).until(() -> pool.getActiveConnections() == 0);
            assertThat(client.transferStatus(id)).isEqualTo("QUEUED");
        }
        finally {
            HOLD.release.countDown();
        }
        client.awaitTransferStatus(id, "DELIVERED");
    }

    private static String circuitState(String partnerId) {
        JsonNode health = client.get("/actuator/health/deliveryCircuits", "accord-monitoring").json();
        return health.get("details").get("partners").get(partnerId).asString();
    }

    private static String prometheus() {
        return new String(client.get("/actuator/prometheus", "accord-monitoring").body(), StandardCharsets.UTF_8);
    }

    private static long count(String id, String event, String code) {
        return client.logEntries(id).stream().filter(e -> event.equals(e.get("event").asString()))
                .filter(e -> code == null || code.equals(e.get("code").asString())).count();
    }
}
