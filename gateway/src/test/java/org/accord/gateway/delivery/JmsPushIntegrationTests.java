package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.AccordApplication;
import org.accord.gateway.crypto.CmsOpener;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.OpenedMessage;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.TestBroker;
import org.accord.gateway.support.TestCatalogue;
import org.accord.gateway.support.TestDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * JMS push to a queue on a second, separate Artemis broker that requires a login: the partner consumes the
 * sealed message there and opens it; with wrong credentials nothing arrives and the transfer ends failed.
 */
class JmsPushIntegrationTests {

    private static final String QUEUE = "accord.inbound.p-jms";
    private static Path root;
    private static TestBroker partnerBroker;
    private static ConfigurableApplicationContext gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start() throws Exception {
        root = TestDirs.create("accord-jms-");
        partnerBroker = TestBroker.withLogin(root.resolve("broker"), "accord-gateway", "test-only-secret");
        String brokerUrl = partnerBroker.url();

        Path agreements = root.resolve("agreements");
        Files.createDirectories(agreements);
        TestCatalogue.copyTree(Fixtures.SCHEMAS, root.resolve("schemas"));
        TestCatalogue.writeOrganisations(agreements, "p-jms", "p-jms-wrong");
        LocalDate today = LocalDate.now();
        TestCatalogue.writeAgreement(agreements, "isa-p-jms", "active", today.minusYears(1), today.plusYears(1), "p-jms", "inbound", "jms", QUEUE);
        TestCatalogue.writeAgreement(agreements, "isa-p-jms-wrong", "active", today.minusYears(1), today.plusYears(1), "p-jms-wrong",
                "inbound", "jms", QUEUE + ".wrong");
        gateway = new SpringApplicationBuilder(AccordApplication.class).run("--server.port=0", "--accord.data-dir=" + root.resolve("data"),
                "--accord.agreements.directory=" + agreements, "--accord.schemas.directory=" + root.resolve("schemas"),
                "--accord.delivery.max-attempts=2", "--accord.delivery.retry-delay=PT0.2S", "--accord.delivery.max-retry-delay=PT0.5S",
                "--accord.partners.p-jms.name=Partner on a JMS hub", "--accord.partners.p-jms-wrong.name=Partner with wrong credentials",
                "--accord.delivery.jms.p-jms.broker-url=" + brokerUrl, "--accord.delivery.jms.p-jms.user=accord-gateway",
                "--accord.delivery.jms.p-jms.password=test-only-secret",
                "--accord.delivery.jms.p-jms-wrong.broker-url=" + brokerUrl, "--accord.delivery.jms.p-jms-wrong.user=accord-gateway",
                "--accord.delivery.jms.p-jms-wrong.password=not-the-password");
        client = GatewayClient.forContext(gateway);
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (partnerBroker != null) {
            partnerBroker.close();
        }
    }

    @Test
    void whenTheFlowUsesJmsThenThePartnerConsumesTheSealedMessageFromItsOwnBrokerAndOpensIt() throws Exception {
        String id = client.submitReferral("p-jms");

        TestBroker.Received message = partnerBroker.receive(QUEUE, null);
        assertThat(message).as("a message on the partner's queue").isNotNull();
        assertThat(message.transferId()).isEqualTo(id);
        assertThat(message.priority()).as("a routine transfer's priority").isEqualTo(DeliveryRoutes.ROUTINE_PRIORITY);
        byte[] sealed = message.body();
        DemoPki pki = DemoPki.ensure(root.resolve("data/pki"), List.of("p-jms"));
        OpenedMessage opened = new CmsOpener().open(sealed, pki.partnerKey("p-jms"), pki.partnerCertificate("p-jms"),
                List.of(pki.caCertificate()), Clock.systemUTC());
        assertThat(opened.transferId()).isEqualTo(id);
        await().atMost(30, TimeUnit.SECONDS).until(() -> "DELIVERED".equals(client.transferStatus(id)));
    }

    @Test
    void whenTheTransferIsUrgentThenItArrivesOnThePartnersQueueAtTheUrgentPriority() throws Exception {
        tools.jackson.databind.node.ObjectNode record = org.accord.gateway.support.Fixtures.example("prevent-referral");
        ((tools.jackson.databind.node.ObjectNode) record.get("immediateRisk")).put("emergencyServicesCalled", true);
        GatewayClient.Response response = client.postJson("/api/v1/records", "uni-northbridge", org.accord.gateway.support.Fixtures
                .json(org.accord.gateway.support.Fixtures.submission("prevent-referral", "p-jms", "assess", record)));
        assertThat(response.status()).isEqualTo(202);
        String id = response.json().get("transferId").asString();

        TestBroker.Received message = partnerBroker.receive(QUEUE, id);
        assertThat(message).as("the urgent message on the partner's queue").isNotNull();
        assertThat(message.priority()).isEqualTo(DeliveryRoutes.URGENT_PRIORITY);
    }

    @Test
    void whenTheBrokerRefusesTheGatewaysCredentialsThenTheTransferFailsAfterItsAttempts() {
        String id = client.submitReferral("p-jms-wrong");

        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> "FAILED".equals(client.transferStatus(id)));
        List<String> codes = new ArrayList<>();
        client.get("/api/v1/audit/transfers?transferId=" + id, "accord-dpo").json().get("entries")
                .forEach(e -> codes.add(e.get("code").asString()));
        assertThat(codes).anyMatch(c -> c.startsWith("JMS_"));
    }
}
