package org.accord.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.accord.gateway.transfer.TransferRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every way a submission can be wrong gets its own status and stable code, leaves no transfer behind, and
 * (once the caller is known) is recorded in the transfer log under the refusal id it was answered with.
 */
class SubmitErrorsIntegrationTests extends GatewayIntegrationTest {

    private static final String UNIVERSITY = "uni-northbridge";

    @Autowired
    private TransferRepository transfers;

    @Test
    void whenNoTokenThen401Unauthenticated() {
        Response response = refusedWithoutTransfer(() -> client.post("/api/v1/records", null, "application/json",
                bytes(Fixtures.referral()), Map.of()));

        assertProblem(response, 401, "UNAUTHENTICATED");
    }

    @Test
    void whenTokenIsForgedThen401Unauthenticated() {
        String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1bmktbm9ydGhicmlkZ2UiLCJzY29wZSI6WyJzdWJtaXQ6cHJldmVudC1yZWZlcnJhbCJdfQ.c2lnbmF0dXJl";
        Response response = refusedWithoutTransfer(() -> client.getWithToken("/api/v1/mailbox", forged));

        assertProblem(response, 401, "UNAUTHENTICATED");
    }

    @Test
    void whenAVerifiedTokenIsAlteredThen401Unauthenticated() {
        String token = client.token("ctp-nw-prevent");
        assertThat(client.getWithToken("/api/v1/mailbox", token).status()).isEqualTo(200);
        int lastSignatureChar = token.length() - 2;
        char altered = token.charAt(lastSignatureChar) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, lastSignatureChar) + altered + token.substring(lastSignatureChar + 1);

        assertProblem(client.getWithToken("/api/v1/mailbox", tampered), 401, "UNAUTHENTICATED");
        assertThat(client.getWithToken("/api/v1/mailbox", token).status()).isEqualTo(200);
    }

    @Test
    void whenClientLacksTheRecordTypeScopeThen403InsufficientScopeAndLogged() {
        Response response = refusedWithoutTransfer(() -> client.postJson("/api/v1/records", "ctp-nw-prevent",
                Fixtures.json(Fixtures.referral())));

        assertProblem(response, 403, "INSUFFICIENT_SCOPE");
        assertRefusalLogged(response, "INSUFFICIENT_SCOPE");
    }

    @Test
    void whenClientLacksTheRouteScopeThen403InsufficientScope() {
        assertProblem(client.get("/api/v1/mailbox", "accord-dpo"), 403, "INSUFFICIENT_SCOPE");
        assertProblem(client.get("/api/v1/audit/transfers", UNIVERSITY), 403, "INSUFFICIENT_SCOPE");
        assertProblem(client.get("/api/v1/audit/transfers", "ctp-nw-prevent"), 403, "INSUFFICIENT_SCOPE");
    }

    @Test
    void whenNoAgreementCoversTheRecipientThen403RefusedByAgreementWithReasonAndLogged() {
        ObjectNode body = Fixtures.submission("prevent-referral", "la-northbridge-channel", "prevent-referral-assessment",
                Fixtures.example("prevent-referral"));
        Response response = refusedWithoutTransfer(() -> client.postJson("/api/v1/records", UNIVERSITY, Fixtures.json(body)));

        assertProblem(response, 403, "REFUSED_BY_AGREEMENT");
        assertThat(response.json().get("reason").asString()).isEqualTo("RECORD_TYPE_NOT_COVERED");
        assertRefusalLogged(response, "RECORD_TYPE_NOT_COVERED");
    }

    @Test
    void whenTheOnlyAgreementHasExpiredThen403WithAgreementExpired() {
        ObjectNode body = Fixtures.submission("safeguarding-concern", "uni-eastmoor/safeguarding-lead",
                "student-transfer-safeguarding", Fixtures.example("safeguarding-concern"));
        Response response = refusedWithoutTransfer(() -> client.postJson("/api/v1/records", UNIVERSITY, Fixtures.json(body)));

        assertProblem(response, 403, "REFUSED_BY_AGREEMENT");
        assertThat(response.json().get("reason").asString()).isEqualTo("AGREEMENT_EXPIRED");
        assertRefusalLogged(response, "AGREEMENT_EXPIRED");
    }

    @Test
    void whenTheAgreementConditionFailsThen403WithConditionFailed() {
        ObjectNode record = Fixtures.example("prevent-referral");
        ((ObjectNode) record.get("referrer")).put("preventLeadConsulted", false);
        Response response = refusedWithoutTransfer(() -> client.postJson("/api/v1/records", UNIVERSITY,
                Fixtures.json(Fixtures.submission("prevent-referral", "ctp-nw-prevent", "prevent-referral-assessment", record))));

        assertProblem(response, 403, "REFUSED_BY_AGREEMENT");
        assertThat(response.json().get("reason").asString()).isEqualTo("CONDITION_FAILED");
    }

    @Test
    void whenTheRecordBreaksItsSchemaThen422WithEachViolationsPointer() {
        ObjectNode record = Fixtures.example("prevent-referral");
        ((ObjectNode) record.get("subject")).put("dateOfBirth", "14th March");
        ((ObjectNode) record.get("subject")).put("shoeSize", 9);
        Response response = refusedWithoutTransfer(() -> client.postJson("/api/v1/records", UNIVERSITY,
                Fixtures.json(Fixtures.submission("prevent-referral", "ctp-nw-prevent", "prevent-referral-assessment", record))));

        assertProblem(response, 422, "SCHEMA_VIOLATION");
        List<String> pointers = new ArrayList<>();
        response.json().get("violations").forEach(v -> pointers.add(v.get("pointer").asString()));
        assertThat(pointers).contains("/subject/dateOfBirth", "/subject/shoeSize");
        assertThat(response.json().toString()).doesNotContain("14th March");
        assertRefusalLogged(response, "SCHEMA_VIOLATION");
    }

    @Test
    void whenTheEnvelopeHasAnUnexpectedMemberThen422InvalidSubmission() {
        ObjectNode body = Fixtures.referral();
        body.put("sender", "ctp-nw-prevent");
        Response response = refusedWithoutTransfer(() -> client.postJson("/api/v1/records", UNIVERSITY, Fixtures.json(body)));

        assertProblem(response, 422, "INVALID_SUBMISSION");
        assertThat(response.json().get("violations").get(0).get("pointer").asString()).isEqualTo("/sender");
    }

    @Test
    void whenTheRecordTypeIsUnknownThen422UnknownRecordType() {
        ObjectNode body = Fixtures.referral();
        body.put("schemaVersion", 7);
        Response response = refusedWithoutTransfer(() -> client.postJson("/api/v1/records", UNIVERSITY, Fixtures.json(body)));

        assertProblem(response, 422, "UNKNOWN_RECORD_TYPE");
    }

    @Test
    void whenTheBodyIsNotJsonThen400MalformedJson() {
        Response response = refusedWithoutTransfer(() -> client.postJson("/api/v1/records", UNIVERSITY, "{\"recordType\": \"prevent-referral\","));

        assertProblem(response, 400, "MALFORMED_JSON");
        assertRefusalLogged(response, "MALFORMED_JSON");
    }

    @Test
    void whenTheBodyHasDuplicateKeysThen400MalformedJson() {
        String duplicated = Fixtures.json(Fixtures.referral()).replaceFirst("\\{", "{\"recipient\":\"la-northbridge-channel\",");
        Response response = refusedWithoutTransfer(() -> client.postJson("/api/v1/records", UNIVERSITY, duplicated));

        assertProblem(response, 400, "MALFORMED_JSON");
    }

    @Test
    void whenTheBodyIsOverTheLimitThen413PayloadTooLarge() {
        ObjectNode body = Fixtures.referral();
        ((ObjectNode) body.get("record").get("concern")).put("summary", "x".repeat(300_000));
        Response response = refusedWithoutTransfer(() -> client.postJson("/api/v1/records", UNIVERSITY, Fixtures.json(body)));

        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
        assertRefusalLogged(response, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void whenTheContentTypeCannotBeParsedThen415UnsupportedMediaTypeNotA500() {
        // Found by ApiFuzzingIntegrationTests: an unparseable Content-Type was answered 500 INTERNAL_ERROR.
        Response response = refusedWithoutTransfer(() -> client.post("/api/v1/records", UNIVERSITY, "nonsense",
                bytes(Fixtures.referral()), Map.of()));

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefusalLogged(response, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void whenTheContentTypeIsNotJsonThen415UnsupportedMediaType() {
        Response response = refusedWithoutTransfer(() -> client.post("/api/v1/records", UNIVERSITY, "text/plain",
                bytes(Fixtures.referral()), Map.of()));

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefusalLogged(response, "UNSUPPORTED_MEDIA_TYPE");
    }

    private Response refusedWithoutTransfer(java.util.function.Supplier<Response> call) {
        long before = transfers.count();
        Response response = call.get();
        assertThat(transfers.count()).as("a refused submission leaves no transfer behind").isEqualTo(before);
        return response;
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }

    private void assertRefusalLogged(Response response, String code) {
        String refusalId = response.json().get("refusalId").asString();
        JsonNode entries = client.get("/api/v1/audit/transfers?transferId=" + refusalId, "accord-dpo").json().get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("event").asString()).isEqualTo("REFUSED");
        assertThat(entries.get(0).get("code").asString()).isEqualTo(code);
    }

    private static byte[] bytes(JsonNode node) {
        return Fixtures.json(node).getBytes(StandardCharsets.UTF_8);
    }
}
