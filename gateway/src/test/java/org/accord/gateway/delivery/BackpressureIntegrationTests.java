package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A recipient that does not collect its messages gets a bounded backlog: past the bound, submits for it are
 * refused with 503 and Retry-After instead of being buffered without limit, and accepted again once it
 * collects.
 */
class BackpressureIntegrationTests {

    private static final String POLICE = "ctp-nw-prevent";

    @TempDir
    Path dataDir;

    @Test
    void whenTheRecipientsBacklogIsFullThenSubmitsAreRefusedWith503UntilItCollects() {
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(AccordApplication.class)
                .run("--server.port=0", "--accord.data-dir=" + dataDir, "--accord.delivery.max-outstanding-per-recipient=2")) {
            GatewayClient client = GatewayClient.forContext(gateway);
            String body = Fixtures.json(Fixtures.referral());
            Response first = client.postJson("/api/v1/records", "uni-northbridge", body);
            Response second = client.postJson("/api/v1/records", "uni-northbridge", body);

            Response third = client.postJson("/api/v1/records", "uni-northbridge", body);

            assertThat(first.status()).isEqualTo(202);
            assertThat(second.status()).isEqualTo(202);
            assertThat(third.status()).isEqualTo(503);
            assertThat(third.code()).isEqualTo("RECIPIENT_BACKLOG");
            assertThat(third.json().get("retryAfterSeconds").asInt()).isPositive();
            String refusalId = third.json().get("refusalId").asString();
            assertThat(client.get("/api/v1/audit/transfers?transferId=" + refusalId, "accord-dpo").json().get("entries")
                    .get(0).get("code").asString()).isEqualTo("RECIPIENT_BACKLOG");

            String collected = first.json().get("transferId").asString();
            await().atMost(30, TimeUnit.SECONDS).until(() ->
                    client.get("/api/v1/mailbox", POLICE).json().get("messages").toString().contains(collected));
            client.get("/api/v1/mailbox/" + collected, POLICE);
            client.post("/api/v1/mailbox/" + collected + "/ack", POLICE, null, new byte[0], Map.of());

            assertThat(client.postJson("/api/v1/records", "uni-northbridge", body).status()).isEqualTo(202);
        }
    }
}
