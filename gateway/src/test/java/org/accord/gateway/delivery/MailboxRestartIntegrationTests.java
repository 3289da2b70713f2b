package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A transfer accepted before a restart is still there after it: the database and the broker journal are
 * files under the data directory. One transfer is delivered before the stop, one is stopped right after its
 * 202, while it may still be on the queue.
 */
class MailboxRestartIntegrationTests {

    private static final String POLICE = "ctp-nw-prevent";

    @TempDir
    Path dataDir;

    @Test
    void whenTheGatewayRestartsThenAcceptedTransfersAreStillInTheMailbox() {
        String delivered;
        String inFlight;
        try (ConfigurableApplicationContext first = start()) {
            GatewayClient client = client(first);
            delivered = submit(client);
            awaitInMailbox(client, delivered);
            inFlight = submit(client);
        }

        try (ConfigurableApplicationContext second = start()) {
            GatewayClient client = client(second);
            awaitInMailbox(client, delivered);
            awaitInMailbox(client, inFlight);
            GatewayClient.Response download = client.get("/api/v1/mailbox/" + inFlight, POLICE);
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.body().length).isGreaterThan(1000);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AccordApplication.class)
                .run("--server.port=0", "--accord.data-dir=" + dataDir, "--accord.delivery.relay-every=PT1S",
                        "--accord.delivery.relay-after=PT1S");
    }

    private static String submit(GatewayClient client) {
        GatewayClient.Response response = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.referral()));
        assertThat(response.status()).isEqualTo(202);
        return response.json().get("transferId").asString();
    }

    private static void awaitInMailbox(GatewayClient client, String transferId) {
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() ->
                client.get("/api/v1/mailbox", POLICE).json().get("messages").toString().contains(transferId));
    }

    private static GatewayClient client(ConfigurableApplicationContext context) {
        return GatewayClient.forContext(context);
    }
}
