package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.AccordApplication;
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
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The gateway's own broker goes away while a flow that hands over to it is in use: a submit is still answered,
 * its transfer stored and waiting for the relay, and delivered once the broker is back. The gateway's broker URL
 * reconnects for ever, as a production URL does; before the hand-over had a wait of its own
 * ({@code accord.delivery.handover-wait}), a submit waited for the broker client's failover, 30 s by default, and
 * the gateway could not even close behind it.
 */
class BrokerDownIntegrationTests {

    private static final String QUEUE = "accord.inbound.p-jms";
    /** Far longer than the hand-over's wait set below, far shorter than the broker client's own wait of 30 s. */
    private static final long ANSWER_WITHIN_SECONDS = 15;

    private static TestBroker broker;
    private static ConfigurableApplicationContext gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start() throws Exception {
        Path root = TestDirs.create("accord-broker-down-");
        broker = TestBroker.open(root.resolve("broker"));
        String brokerUrl = broker.url();

        Path agreements = root.resolve("agreements");
        Files.createDirectories(agreements);
        TestCatalogue.copyTree(Fixtures.SCHEMAS, root.resolve("schemas"));
        TestCatalogue.writeOrganisations(agreements, "p-jms");
        LocalDate today = LocalDate.now();
        TestCatalogue.writeAgreement(agreements, "isa-p-jms", "active", today.minusYears(1), today.plusYears(1), "p-jms", "inbound", "jms", QUEUE);
        gateway = new SpringApplicationBuilder(AccordApplication.class).run("--server.port=0", "--accord.data-dir=" + root.resolve("data"),
                "--accord.agreements.directory=" + agreements, "--accord.schemas.directory=" + root.resolve("schemas"),
                "--spring.artemis.mode=native", "--spring.artemis.broker-url=" + brokerUrl + "?reconnectAttempts=-1&retryInterval=200",
                "--accord.delivery.handover-wait=PT1S", "--accord.delivery.relay-after=PT1S", "--accord.delivery.relay-every=PT1S",
                "--accord.partners.p-jms.name=Partner on a JMS hub", "--accord.delivery.jms.p-jms.broker-url=" + brokerUrl);
        client = GatewayClient.forContext(gateway);
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void whenTheBrokerIsDownThenASubmitIsAnsweredAndItsTransferIsDeliveredOnceTheBrokerIsBack() throws Exception {
        String before = client.submitReferral("p-jms");
        assertThat(broker.receive(QUEUE, before)).as("handed over and pushed while the broker runs").isNotNull();

        broker.stop();
        String during = CompletableFuture.supplyAsync(() -> client.submitReferral("p-jms")).get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
        assertThat(client.transferStatus(during)).as("stored, waiting for the relay to hand it over").isEqualTo("SEALED");

        broker.start();
        client.awaitTransferStatus(during, "DELIVERED");
        assertThat(broker.receive(QUEUE, during)).as("pushed once the broker was back").isNotNull();
    }

    @Test
    void whenTheRelayIsHeldUpOnTheBrokerThenTheOtherScheduledJobsStillHaveThreads() {
        ThreadPoolTaskScheduler scheduler = gateway.getBean(ThreadPoolTaskScheduler.class);

        assertThat(scheduler.getPoolSize()).as("threads for the scheduled jobs: relay, checkpoints, retention, ...").isGreaterThan(1);
    }
}
