package org.accord.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.HeldResponse;
import org.accord.gateway.support.TestCatalogue;
import org.accord.gateway.support.TestDirs;
import org.accord.gateway.support.TestTls;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two delivery consumers; one is held in a push to a slow partner. An urgent transfer for another partner, queued
 * after a routine backlog, is delivered by the other consumer while the first is still held: it does not wait behind
 * a busy consumer.
 */
class UrgentPastSlowPushIntegrationTests {

    private static final HeldResponse GATE = new HeldResponse();

    @Test
    void whenOneConsumerIsHeldByASlowPartnerThenAnUrgentTransferIsDeliveredByTheOtherMeanwhile() throws Exception {
        Path root = TestDirs.create("accord-urgent-slow-");
        TestTls tls = TestTls.create(root.resolve("tls"));
        WireMockServer partner = new WireMockServer(tls.mutualTlsServer().extensions(GATE));
        partner.start();
        try {
            partner.stubFor(post(urlEqualTo("/p-slow/inbound")).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(202).withTransformers(HeldResponse.NAME)).willSetStateTo("held-once"));
            partner.stubFor(post(urlEqualTo("/p-slow/inbound")).inScenario("slow").whenScenarioStateIs("held-once")
                    .willReturn(aResponse().withStatus(202)));
            partner.stubFor(post(urlEqualTo("/p-fast/inbound")).willReturn(aResponse().withStatus(202)));
            Path agreements = root.resolve("agreements");
            Files.createDirectories(agreements);
            TestCatalogue.copyTree(Fixtures.SCHEMAS, root.resolve("schemas"));
            TestCatalogue.writeOrganisations(agreements, "p-slow", "p-fast");
            LocalDate today = LocalDate.now();
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--accord.data-dir=" + root.resolve("data"),
                    "--accord.agreements.directory=" + agreements, "--accord.schemas.directory=" + root.resolve("schemas"),
                    "--accord.delivery.consumers=2",
                    "--spring.ssl.bundle.pem.partners.keystore.certificate=file:" + tls.path("client.crt"),
                    "--spring.ssl.bundle.pem.partners.keystore.private-key=file:" + tls.path("client.key"),
                    "--spring.ssl.bundle.pem.partners.truststore.certificate=file:" + tls.path("ca.crt")));
            for (String p : List.of("p-slow", "p-fast")) {
                TestCatalogue.writeAgreement(agreements, "isa-" + p, "active", today.minusYears(1), today.plusYears(1), p, "inbound",
                        "https", "https://localhost:" + partner.httpsPort() + "/" + p + "/inbound");
                args.add("--accord.partners." + p + ".name=Partner " + p);
                args.add("--accord.delivery.https." + p + ".tls-bundle=partners");
            }
            try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(AccordApplication.class)
                    .run(args.toArray(String[]::new))) {
                GatewayClient client = GatewayClient.forContext(gateway);
                String held = client.submitReferral("p-slow");
                assertThat(GATE.arrived.await(60, TimeUnit.SECONDS)).isTrue();
                List<String> routine = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    routine.add(client.submitReferral("p-slow"));
                }
                ObjectNode record = Fixtures.example("prevent-referral");
                ((ObjectNode) record.get("immediateRisk")).put("emergencyServicesCalled", true);
                Response urgent = client.postJson("/api/v1/records", "uni-northbridge",
                        Fixtures.json(Fixtures.submission("prevent-referral", "p-fast", "assess", record)));
                String urgentId = urgent.json().get("transferId").asString();

                client.awaitTransferStatus(urgentId, "DELIVERED");

                assertThat(client.transferStatus(held)).as("the first consumer is still held").isNotEqualTo("DELIVERED");
                GATE.release.countDown();
                client.awaitTransferStatus(held, "DELIVERED");
                routine.forEach(id -> client.awaitTransferStatus(id, "DELIVERED"));
            }
        }
        finally {
            GATE.release.countDown();
            partner.stop();
        }
    }
}
