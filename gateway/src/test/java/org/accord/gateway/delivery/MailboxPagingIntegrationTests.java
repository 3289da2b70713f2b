package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The mailbox and the inbox answer a page at a time over real HTTP: following {@code next} lists every waiting
 * message once and in order, {@code waiting} counts them all, the last page has no {@code next}, a message
 * acknowledged between two pages makes no other one skipped, and a bad {@code limit} or {@code after} is refused.
 * Other tests share this gateway, so a box may hold their messages too: the checks are on the whole box where they
 * can be, and on this test's own messages where order matters. Each test acknowledges what it sent.
 */
class MailboxPagingIntegrationTests extends GatewayIntegrationTest {

    /** A box, the client that reads it, and the client and submission that put a message in it. */
    record Box(String path, String reader, String sender, String submission) {

        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Box> boxes() {
        return Stream.of(
                new Box("/api/v1/mailbox", "ctp-nw-prevent", "uni-northbridge", Fixtures.json(Fixtures.referral())),
                new Box("/api/v1/inbox", "uni-northbridge", "ctp-nw-prevent", Fixtures.json(Fixtures.submission("referral-outcome",
                        "uni-northbridge/safeguarding-lead", "referral-feedback", Fixtures.example("referral-outcome")))));
    }

    @ParameterizedTest
    @MethodSource("boxes")
    void whenMoreMessagesWaitThanFitOnAPageThenFollowingNextListsEachOnceInOrderAndTheLastPageHasNoNext(Box box) {
        List<String> sent = submit(box, 7);
        try {
            List<JsonNode> pages = pages(box, 3);
            long waiting = pages.get(0).get("waiting").asLong();

            List<String> listed = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                JsonNode page = pages.get(i);
                boolean last = i == pages.size() - 1;
                assertThat(page.get("organisation").asString()).isNotBlank();
                assertThat(page.get("waiting").asLong()).as("waiting on page %d", i).isEqualTo(waiting);
                assertThat(page.has("next")).as("next on page %d of %d", i, pages.size()).isEqualTo(!last);
                assertThat(page.get("messages").size()).isEqualTo(last ? (int) ((waiting - 1) % 3 + 1) : 3);
                page.get("messages").forEach(m -> listed.add(m.get("transferId").asString()));
            }
            assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
            assertThat(listed).doesNotHaveDuplicates().hasSize((int) waiting);
            assertThat(listed.stream().filter(sent::contains).toList()).as("this test's messages, in the order sent")
                    .containsExactlyElementsOf(sent);
            assertThat(pages.get(0).has("records")).isFalse();
        }
        finally {
            acknowledge(box, sent);
        }
    }

    @ParameterizedTest
    @MethodSource("boxes")
    void whenNoLimitIsGivenThenAPageHoldsAHundredAndUpToAThousandMayBeAsked(Box box) {
        long before = client.get(box.path(), box.reader()).json().get("waiting").asLong();
        List<String> sent = submit(box, (int) Math.max(0, 101 - before));
        try {
            JsonNode byDefault = client.get(box.path(), box.reader()).json();
            long waiting = byDefault.get("waiting").asLong();
            assertThat(waiting).isGreaterThan(100).isEqualTo(before + sent.size());
            assertThat(byDefault.get("messages")).hasSize(100);
            assertThat(byDefault.has("next")).isTrue();

            JsonNode rest = client.get(box.path() + "?after=" + byDefault.get("next").asString(), box.reader()).json();
            assertThat(rest.get("messages")).hasSize((int) Math.min(100, waiting - 100));

            Response most = client.get(box.path() + "?limit=1000", box.reader());
            assertThat(most.status()).isEqualTo(200);
            assertThat(most.json().get("messages")).hasSize((int) Math.min(1000, waiting));
            assertThat(most.json().has("next")).isEqualTo(waiting > 1000);
        }
        finally {
            acknowledge(box, sent);
        }
    }

    @ParameterizedTest
    @MethodSource("boxes")
    void whenAMessageIsAcknowledgedBetweenPagesThenNoOtherMessageIsSkipped(Box box) {
        List<String> sent = submit(box, 6);
        List<String> acknowledged = new ArrayList<>();
        try {
            List<String> listed = new ArrayList<>();
            String next = null;
            do {
                JsonNode page = client.get(box.path() + "?limit=2" + (next == null ? "" : "&after=" + next), box.reader()).json();
                List<String> ids = new ArrayList<>();
                page.get("messages").forEach(m -> ids.add(m.get("transferId").asString()));
                listed.addAll(ids);
                ids.stream().filter(sent::contains).findFirst().ifPresent(id -> {
                    assertThat(client.post(box.path() + "/" + id + "/ack", box.reader(), null, new byte[0], Map.of()).status())
                            .isEqualTo(200);
                    acknowledged.add(id);
                });
                next = page.has("next") ? page.get("next").asString() : null;
            } while (next != null);

            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(2);
            assertThat(listed).doesNotHaveDuplicates();
            assertThat(listed.stream().filter(sent::contains).toList()).containsExactlyElementsOf(sent);
            assertThat(client.listedIds(box.path(), box.reader())).doesNotContainAnyElementsOf(acknowledged)
                    .containsAll(sent.stream().filter(id -> !acknowledged.contains(id)).toList());
        }
        finally {
            List<String> left = new ArrayList<>(sent);
            left.removeAll(acknowledged);
            acknowledge(box, left);
        }
    }

    @ParameterizedTest
    @MethodSource("boxes")
    void whenTheLimitIsOutOfRangeOrTheCursorIsNotANextThenTheAnswerIs400InvalidParameter(Box box) {
        List<String> sent = submit(box, 2);
        try {
            String next = client.get(box.path() + "?limit=1", box.reader()).json().get("next").asString();
            String altered = (next.charAt(0) == 'A' ? "B" : "A") + next.substring(1);
            for (String query : List.of("?limit=0", "?limit=1001", "?limit=-1", "?limit=ten", "?after=garbage",
                    "?after=", "?after=" + altered, "?after=" + next + "%3D", "?limit=1001&after=" + next)) {
                Response refused = client.get(box.path() + query, box.reader());
                assertThat(refused.status()).as(query).isEqualTo(400);
                assertThat(refused.contentType()).as(query).startsWith("application/problem+json");
                assertThat(refused.code()).as(query).isEqualTo("INVALID_PARAMETER");
            }
            for (String query : List.of("?limit=1", "?limit=1000", "?limit=1&after=" + next)) {
                assertThat(client.get(box.path() + query, box.reader()).status()).as(query).isEqualTo(200);
            }
        }
        finally {
            acknowledge(box, sent);
        }
    }

    /** Every page of the box, {@code limit} at a time, following {@code next}. */
    private List<JsonNode> pages(Box box, int limit) {
        List<JsonNode> pages = new ArrayList<>();
        String next = null;
        do {
            Response page = client.get(box.path() + "?limit=" + limit + (next == null ? "" : "&after=" + next), box.reader());
            assertThat(page.status()).isEqualTo(200);
            pages.add(page.json());
            next = page.json().has("next") ? page.json().get("next").asString() : null;
            assertThat(next == null || next.matches("[A-Za-z0-9_-]+")).as("next is URL-safe: " + next).isTrue();
        } while (next != null);
        return pages;
    }

    private List<String> submit(Box box, int count) {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Response response = client.postJson("/api/v1/records", box.sender(), box.submission());
            assertThat(response.status()).as(new String(response.body())).isEqualTo(202);
            assertThat(response.json().get("status").asString()).isEqualTo("AVAILABLE");
            sent.add(response.json().get("transferId").asString());
        }
        assertThat(new HashSet<>(sent)).hasSize(count);
        return sent;
    }

    private void acknowledge(Box box, List<String> transferIds) {
        transferIds.forEach(id -> client.post(box.path() + "/" + id + "/ack", box.reader(), null, new byte[0], Map.of()));
    }
}
