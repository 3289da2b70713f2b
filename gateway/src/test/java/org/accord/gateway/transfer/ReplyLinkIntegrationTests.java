package org.accord.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.crypto.CmsOpener;
import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.delivery.Mailbox;
import org.accord.gateway.support.ConsoleSession;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers linked to what they answer, on one gateway: the police answer a referral they took from their mailbox,
 * the outcome reaches the safeguarding lead's inbox naming the referral (in the listing and inside the sealed
 * message), and both transfers show the link. A link to an unknown transfer, to one addressed to someone else, to
 * a record of a type the answer does not answer, or an answer addressed to anyone but the original's sender, is
 * refused with {@code IN_REPLY_TO_INVALID} and its reason, logged, and leaves no transfer; the same holds for an
 * answer a partner seals and pushes to {@code /api/v1/inbound}.
 */
class ReplyLinkIntegrationTests extends GatewayIntegrationTest {

    private static final String UNI = "uni-northbridge";
    private static final String POLICE = "ctp-nw-prevent";
    private static final String CHANNEL = "la-northbridge-channel";
    private static final String LEAD = "uni-northbridge/safeguarding-lead";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private Mailbox mailbox;

    @Test
    void whenThePoliceAnswerAReferralThenTheOutcomeReachesTheInboxLinkedToItAndBothTransfersShowTheLink() {
        String referral = accepted(UNI, Fixtures.referral());
        String outcome = accepted(POLICE, outcome(referral, LEAD));

        await().atMost(30, TimeUnit.SECONDS).until(() -> inboxEntry(outcome) != null);
        JsonNode listed = inboxEntry(outcome);
        assertThat(listed.get("inReplyTo").asString()).isEqualTo(referral);
        assertThat(listed.get("recordType").asString()).isEqualTo("referral-outcome");

        JsonNode referralView = client.get("/api/v1/transfers/" + referral, UNI).json();
        assertThat(referralView.get("answeredBy")).hasSize(1);
        assertThat(referralView.get("answeredBy").get(0).get("transferId").asString()).isEqualTo(outcome);
        assertThat(referralView.get("answeredBy").get(0).get("recordType").asString()).isEqualTo("referral-outcome");
        assertThat(referralView.get("answers").isNull()).isTrue();
        assertThat(client.get("/api/v1/transfers/" + outcome, POLICE).json().get("answers").asString()).isEqualTo(referral);

        Response fetched = client.get("/api/v1/inbox/" + outcome, UNI);
        assertThat(fetched.status()).isEqualTo(200);
        DemoPki pki = DemoPki.ensure(DATA_DIR.resolve("pki"), List.of(UNI));
        JsonNode opened = json.readTree(new CmsOpener().open(fetched.body(), pki.partnerKey(UNI), pki.partnerCertificate(UNI),
                List.of(pki.caCertificate()), Clock.systemUTC()).content());
        assertThat(opened.get("inReplyTo").asString()).isEqualTo(referral);
        assertThat(opened.get("transferId").asString()).isEqualTo(outcome);

        Response ack = client.post("/api/v1/inbox/" + outcome + "/ack", UNI, null, new byte[0], Map.of());
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(inboxEntry(outcome)).isNull();
        assertThat(events(outcome)).contains("RECEIVED", "SEALED", "MADE_AVAILABLE", "DOWNLOADED", "ACKNOWLEDGED");
    }

    @Test
    void whenTheConsoleShowsALinkedTransferThenItNamesWhatItAnswersAndWhatAnswersIt() {
        String referral = accepted(UNI, Fixtures.referral());
        String outcome = accepted(POLICE, outcome(referral, LEAD));

        ConsoleSession session = consoleSession();
        ConsoleSession.Page referralPage = session.signIn("dpo", demoPassword("dpo"), "/console/transfers/" + referral);
        ConsoleSession.Page outcomePage = session.get("/console/transfers/" + outcome);

        assertThat(referralPage.status()).isEqualTo(200);
        assertThat(section(referralPage.body(), "id=\"answered-by\"")).contains("/console/transfers/" + outcome).contains("referral-outcome");
        assertThat(section(outcomePage.body(), "id=\"answers\"")).contains("/console/transfers/" + referral).contains("prevent-referral");
    }

    @Test
    void whenTheInboxIsListedThenOnlyRecordsArrivingAtTheCallerAreInItWhileTheMailboxHoldsEveryRecordForIt() {
        String referral = accepted(UNI, Fixtures.referral());

        await().atMost(30, TimeUnit.SECONDS).until(() -> waitingIds(POLICE, Mailbox.Box.MAILBOX).contains(referral));
        assertThat(waitingIds(POLICE, Mailbox.Box.INBOX)).doesNotContain(referral);
        assertThat(client.get("/api/v1/inbox/" + referral, UNI).status()).isEqualTo(404);
        Response withoutScope = client.get("/api/v1/inbox", POLICE);
        assertThat(withoutScope.status()).isEqualTo(403);
        assertThat(withoutScope.code()).isEqualTo("INSUFFICIENT_SCOPE");
    }

    @Test
    void whenTheAnswerNamesAnUnknownTransferThenItIsRefusedAndLoggedAndNothingIsStored() {
        assertRefused(POLICE, outcome(UUID.randomUUID().toString(), LEAD), "ORIGINAL_UNKNOWN");
    }

    @Test
    void whenTheAnswerNamesATransferAddressedToSomeoneElseThenItIsRefusedAsUnknown() {
        String request = accepted(CHANNEL, Fixtures.submission("channel-information-request", LEAD, "channel-panel-assessment",
                Fixtures.example("channel-information-request")));

        assertRefused(POLICE, outcome(request, LEAD), "ORIGINAL_UNKNOWN");
    }

    @Test
    void whenTheAnswerIsNotOfTheTypeThatAnswersTheOriginalThenRecordTypesDoNotPair() {
        String referral = accepted(UNI, Fixtures.referral());
        String outcome = accepted(POLICE, outcome(referral, LEAD));

        ObjectNode response = response(outcome, CHANNEL);
        assertRefused(UNI, response, "RECORD_TYPES_DO_NOT_PAIR");
        ObjectNode referralAnswering = Fixtures.referral();
        referralAnswering.put("inReplyTo", outcome);
        assertRefused(UNI, referralAnswering, "RECORD_TYPES_DO_NOT_PAIR");
    }

    @Test
    void whenTheAnswerIsAddressedToAnotherPartyThanTheOriginalsSenderThenItIsRefused() {
        String request = accepted(CHANNEL, Fixtures.submission("channel-information-request", LEAD, "channel-panel-assessment",
                Fixtures.example("channel-information-request")));

        assertRefused(UNI, response(request, POLICE), "NOT_TO_ORIGINAL_SENDER");
        String answered = accepted(UNI, response(request, CHANNEL));
        assertThat(client.get("/api/v1/transfers/" + answered, UNI).json().get("answers").asString()).isEqualTo(request);
    }

    @Test
    void whenAPartnerPushesAnAnswerThenItIsLinkedToTheReferralItNames() {
        String referral = accepted(UNI, Fixtures.referral());

        Response pushed = client.post("/api/v1/inbound", POLICE, "application/pkcs7-mime", sealedByPolice(referral), Map.of());

        assertThat(pushed.status()).as(new String(pushed.body())).isEqualTo(202);
        String outcome = pushed.json().get("transferId").asString();
        await().atMost(30, TimeUnit.SECONDS).until(() -> inboxEntry(outcome) != null);
        assertThat(inboxEntry(outcome).get("inReplyTo").asString()).isEqualTo(referral);
        assertThat(transfers.findById(outcome).orElseThrow().partnerTransferId()).isEqualTo(pushed.json().get("partnerTransferId").asString());
    }

    @Test
    void whenAPartnerPushesAnAnswerToATransferThisGatewayDoesNotKnowThenItIsRefusedAndLogged() {
        long before = transferCount();

        Response pushed = client.post("/api/v1/inbound", POLICE, "application/pkcs7-mime", sealedByPolice(UUID.randomUUID().toString()), Map.of());

        assertThat(pushed.status()).as(new String(pushed.body())).isEqualTo(422);
        assertThat(pushed.code()).isEqualTo("IN_REPLY_TO_INVALID");
        assertThat(pushed.json().get("reason").asString()).isEqualTo("ORIGINAL_UNKNOWN");
        JsonNode entries = client.get("/api/v1/audit/transfers?transferId=" + pushed.json().get("refusalId").asString(), "accord-dpo")
                .json().get("entries");
        assertThat(entries.get(0).get("code").asString()).isEqualTo("ORIGINAL_UNKNOWN");
        assertThat(transferCount()).isEqualTo(before);
    }

    @Test
    void whenTheOpenApiDocumentIsFetchedThenItDescribesTheInboxAndInReplyTo() {
        JsonNode api = client.get("/v3/api-docs", null).json();

        assertThat(api.get("paths").get("/api/v1/inbox").get("get").get("summary").asString()).contains("inbox");
        assertThat(api.get("paths").has("/api/v1/inbox/{transferId}")).isTrue();
        assertThat(api.get("paths").has("/api/v1/inbox/{transferId}/ack")).isTrue();
        assertThat(api.get("components").get("securitySchemes").get("oauth2").toString()).contains("\"inbox\"");
        assertThat(api.get("components").get("schemas").get("SubmissionEnvelope").get("properties").has("inReplyTo")).isTrue();
        assertThat(api.get("paths").get("/api/v1/records").toString()).contains("IN_REPLY_TO_INVALID");
    }

    @Test
    void whenInReplyToIsNotATransferIdThenTheEnvelopeIsInvalid() {
        ObjectNode answer = outcome("x", LEAD);
        answer.put("inReplyTo", 42);

        Response response = client.postJson("/api/v1/records", POLICE, Fixtures.json(answer));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("INVALID_SUBMISSION");
        assertThat(response.json().get("violations").toString()).contains("/inReplyTo");
    }

    private void assertRefused(String clientId, ObjectNode submission, String reason) {
        long before = transferCount();
        Response response = client.postJson("/api/v1/records", clientId, Fixtures.json(submission));

        assertThat(response.status()).as(new String(response.body())).isEqualTo(422);
        assertThat(response.code()).isEqualTo("IN_REPLY_TO_INVALID");
        assertThat(response.json().get("reason").asString()).isEqualTo(reason);
        String refusalId = response.json().get("refusalId").asString();
        JsonNode entries = client.get("/api/v1/audit/transfers?transferId=" + refusalId, "accord-dpo").json().get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("event").asString()).isEqualTo("REFUSED");
        assertThat(entries.get(0).get("code").asString()).isEqualTo(reason);
        assertThat(client.get("/api/v1/transfers/" + refusalId, clientId).status()).isEqualTo(404);
        assertThat(transferCount()).isEqualTo(before);
    }

    private long transferCount() {
        return transfers.count();
    }

    @Autowired
    private TransferRepository transfers;

    private String accepted(String clientId, ObjectNode submission) {
        Response response = client.postJson("/api/v1/records", clientId, Fixtures.json(submission));
        assertThat(response.status()).as(new String(response.body())).isEqualTo(202);
        return response.json().get("transferId").asString();
    }

    private static ObjectNode outcome(String inReplyTo, String recipient) {
        ObjectNode submission = Fixtures.submission("referral-outcome", recipient, "referral-feedback", Fixtures.example("referral-outcome"));
        submission.put("inReplyTo", inReplyTo);
        return submission;
    }

    private static ObjectNode response(String inReplyTo, String recipient) {
        ObjectNode submission = Fixtures.submission("channel-information-response", recipient, "channel-panel-assessment",
                Fixtures.example("channel-information-response"));
        submission.put("inReplyTo", inReplyTo);
        return submission;
    }

    /** A referral outcome the police sealed for this gateway themselves, answering {@code inReplyTo}. */
    private byte[] sealedByPolice(String inReplyTo) {
        ObjectNode message = json.createObjectNode();
        String transferId = UUID.randomUUID().toString();
        message.put("transferId", transferId);
        message.put("recordType", "referral-outcome");
        message.put("schemaVersion", 1);
        message.put("sender", POLICE);
        message.put("recipient", LEAD);
        message.put("purpose", "referral-feedback");
        message.put("inReplyTo", inReplyTo);
        message.set("record", Fixtures.example("referral-outcome"));
        DemoPki pki = DemoPki.ensure(DATA_DIR.resolve("pki"), List.of(POLICE));
        return new CmsSealer(pki.partnerKey(POLICE), List.of(pki.partnerCertificate(POLICE)))
                .seal(json.writeValueAsBytes(message), transferId, pki.gatewayCertificate()).der();
    }

    private JsonNode inboxEntry(String transferId) {
        for (JsonNode record : client.listing("/api/v1/inbox", UNI)) {
            if (record.get("transferId").asString().equals(transferId)) {
                return record;
            }
        }
        return null;
    }

    private List<String> events(String transferId) {
        List<String> events = new ArrayList<>();
        client.get("/api/v1/audit/transfers?transferId=" + transferId, "accord-dpo").json().get("entries")
                .forEach(e -> events.add(e.get("event").asString()));
        return events;
    }

    /** Every transfer waiting for {@code organisation} in {@code box}, page after page. */
    private List<String> waitingIds(String organisation, Mailbox.Box box) {
        List<String> ids = new ArrayList<>();
        Mailbox.Listing page = mailbox.waitingFor(organisation, box, null, Mailbox.MAX_LIMIT);
        page.messages().forEach(t -> ids.add(t.id()));
        while (page.next() != null) {
            page = mailbox.waitingFor(organisation, box, page.next(), Mailbox.MAX_LIMIT);
            page.messages().forEach(t -> ids.add(t.id()));
        }
        return ids;
    }

    private static String section(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as("page has " + marker).isGreaterThanOrEqualTo(0);
        int end = html.indexOf("</dd>", start);
        return html.substring(start, end);
    }
}
