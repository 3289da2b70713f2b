package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Messages made at the same instant (the listing's first key) are paged by their transfer id, so none is listed
 * twice or skipped where a page ends between them. The gateway's clock is stopped while they are submitted; a
 * gateway of its own, so that its mailbox holds only these.
 */
class MailboxPagingSameInstantIntegrationTests {

    private static final String POLICE = "ctp-nw-prevent";

    private final StoppableClock clock = new StoppableClock();

    @TempDir
    Path dataDir;

    @Test
    void whenMessagesWereMadeAtTheSameInstantThenPagingListsEachOnceInIdOrder() {
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(AccordApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("stoppableClock", Clock.class,
                        () -> clock, definition -> definition.setPrimary(true)))
                .run("--server.port=0", "--accord.data-dir=" + dataDir)) {
            GatewayClient client = GatewayClient.forContext(gateway);
            client.token(POLICE);
            client.token("uni-northbridge");

            List<String> sent = new ArrayList<>();
            clock.stopAt(Instant.now());
            for (int i = 0; i < 5; i++) {
                Response submitted = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.referral()));
                assertThat(submitted.status()).isEqualTo(202);
                sent.add(submitted.json().get("transferId").asString());
            }
            clock.run();

            List<String> listed = new ArrayList<>();
            List<String> madeAt = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                JsonNode page = client.get("/api/v1/mailbox?limit=2" + (next == null ? "" : "&after=" + next), POLICE).json();
                assertThat(page.get("waiting").asLong()).isEqualTo(5);
                page.get("messages").forEach(m -> {
                    listed.add(m.get("transferId").asString());
                    madeAt.add(m.get("availableSince").asString());
                });
                next = page.has("next") ? page.get("next").asString() : null;
                pages++;
            } while (next != null);

            assertThat(madeAt).as("the messages share their time, so only the id orders them").containsOnly(madeAt.get(0));
            assertThat(pages).isEqualTo(3);
            assertThat(listed).containsExactlyElementsOf(sent.stream().sorted().toList());
        }
    }

    /** The system clock, or a stopped one while a test needs every transfer made at the same instant. */
    private static final class StoppableClock extends Clock {

        private final AtomicReference<Instant> stoppedAt = new AtomicReference<>();

        void stopAt(Instant instant) {
            stoppedAt.set(instant);
        }

        void run() {
            stoppedAt.set(null);
        }

        @Override
        public Instant instant() {
            Instant stopped = stoppedAt.get();
            return stopped != null ? stopped : Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
