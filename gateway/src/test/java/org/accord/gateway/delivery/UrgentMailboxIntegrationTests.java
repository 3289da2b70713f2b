package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An urgent referral for a partner that collects from its mailbox: accepted past the partner's full backlog, and
 * listed before every routine message, marked {@code urgent}, on every page of the listing; an urgent safeguarding
 * concern is listed before an earlier routine one in the safeguarding lead's inbox.
 */
class UrgentMailboxIntegrationTests {

    private static final String POLICE = "ctp-nw-prevent";

    @TempDir
    Path dataDir;

    @Test
    void whenTheBacklogIsFullThenAnUrgentReferralIsStillAcceptedAndListedFirstOnEveryPage() {
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(AccordApplication.class)
                .run("--server.port=0", "--accord.data-dir=" + dataDir, "--accord.delivery.max-outstanding-per-recipient=2")) {
            GatewayClient client = GatewayClient.forContext(gateway);
            String routine = Fixtures.json(Fixtures.referral());
            String first = client.postJson("/api/v1/records", "uni-northbridge", routine).json().get("transferId").asString();
            String second = client.postJson("/api/v1/records", "uni-northbridge", routine).json().get("transferId").asString();
            assertThat(client.postJson("/api/v1/records", "uni-northbridge", routine).code()).isEqualTo("RECIPIENT_BACKLOG");

            ObjectNode imminent = Fixtures.referral();
            ((ObjectNode) imminent.get("record").get("immediateRisk")).put("emergencyServicesCalled", true);
            Response urgent = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(imminent));

            assertThat(urgent.status()).isEqualTo(202);
            String urgentId = urgent.json().get("transferId").asString();
            List<JsonNode> onePerPage = pages(client, 1);
            assertThat(onePerPage).extracting(m -> m.get("transferId").asString()).containsExactly(urgentId, first, second);
            assertThat(onePerPage).extracting(m -> m.get("urgent").asBoolean()).containsExactly(true, false, false);
            assertThat(pages(client, 2)).extracting(m -> m.get("transferId").asString()).containsExactly(urgentId, first, second);
            assertThat(client.listedIds("/api/v1/mailbox", POLICE)).containsExactly(urgentId, first, second);

            String soon = concern(client, "soon");
            String urgentConcern = concern(client, "urgent");
            List<JsonNode> inbox = client.listing("/api/v1/inbox", "uni-northbridge");
            assertThat(inbox).extracting(m -> m.get("transferId").asString()).containsSubsequence(urgentConcern, soon);
            assertThat(inbox).filteredOn(m -> m.get("transferId").asString().equals(urgentConcern)).singleElement()
                    .satisfies(m -> assertThat(m.get("urgent").asBoolean()).isTrue());
            assertThat(inbox).filteredOn(m -> m.get("transferId").asString().equals(soon)).singleElement()
                    .satisfies(m -> assertThat(m.get("urgent").asBoolean()).isFalse());
        }
    }

    /** A safeguarding concern from student support to the safeguarding lead's inbox, with the given urgency. */
    private static String concern(GatewayClient client, String urgency) {
        ObjectNode record = Fixtures.example("safeguarding-concern");
        ((ObjectNode) record.get("concern")).put("urgency", urgency);
        Response response = client.postJson("/api/v1/records", "uni-northbridge-student-support", Fixtures.json(Fixtures.submission(
                "safeguarding-concern", "uni-northbridge/safeguarding-lead", "internal-safeguarding-escalation", record)));
        assertThat(response.status()).as(new String(response.body())).isEqualTo(202);
        return response.json().get("transferId").asString();
    }

    private static List<JsonNode> pages(GatewayClient client, int limit) {
        List<JsonNode> messages = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = client.get("/api/v1/mailbox?limit=" + limit + (next == null ? "" : "&after=" + next), POLICE).json();
            page.get("messages").forEach(messages::add);
            next = page.has("next") ? page.get("next").asString() : null;
        } while (next != null);
        return messages;
    }
}
