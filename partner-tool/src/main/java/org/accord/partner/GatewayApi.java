package org.accord.partner;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls a partner makes to an Accord gateway, over the JDK's HTTP client: a client-credentials token with
 * the {@code mailbox} scope, the mailbox listing a page at a time, a message download, an acknowledgement with a signed receipt.
 */
final class GatewayApi {

    /** One message waiting in the mailbox. */
    record Waiting(String transferId, String sender, String recordType, String sealedSha256) {
    }

    /** A page of the mailbox; {@code next} is null on the last page. */
    record MailboxPage(List<Waiting> messages, String next) {
    }

    /** The gateway answered with something other than success. */
    static final class GatewayException extends IOException {
        private static final long serialVersionUID = 1L;

        GatewayException(String message) {
            super(message);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI base;
    private final String token;

    private GatewayApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Asks {@code <gateway>/oauth2/token} for a client-credentials token with the {@code mailbox} scope. */
    static GatewayApi connect(URI gateway, String clientId, String clientSecret) throws IOException, InterruptedException {
        URI base = URI.create(gateway.toString().endsWith("/") ? gateway.toString() : gateway + "/");
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("oauth2/token")).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=mailbox"))
                .build();
        HttpResponse<byte[]> response = new GatewayApi(base, null).send(request, "token request");
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        return new GatewayApi(base, body.path("access_token").asString());
    }

    /** The page of the mailbox after {@code after}, the {@code next} of the page before (null for the first page). */
    MailboxPage mailbox(String after) throws IOException, InterruptedException {
        String path = after == null ? "api/v1/mailbox" : "api/v1/mailbox?after=" + URLEncoder.encode(after, StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = send(authorised(path).GET().build(), "mailbox listing");
        JsonNode page = json.readTree(response.body());
        List<Waiting> waiting = new ArrayList<>();
        for (JsonNode message : page.path("messages")) {
            waiting.add(new Waiting(message.path("transferId").asString(), message.path("sender").asString(),
                    message.path("recordType").asString(), message.path("sealedSha256").asString()));
        }
        String next = page.has("next") ? page.get("next").asString() : null;
        if (next != null && next.equals(after)) {
            throw new GatewayException("mailbox listing answered the same page again");
        }
        return new MailboxPage(waiting, next);
    }

    byte[] download(String transferId) throws IOException, InterruptedException {
        return send(authorised("api/v1/mailbox/" + segment(transferId)).GET().build(), "download of " + transferId).body();
    }

    void acknowledge(String transferId, byte[] receipt) throws IOException, InterruptedException {
        send(authorised("api/v1/mailbox/" + segment(transferId) + "/ack")
                .header("Content-Type", "application/pkcs7-mime; smime-type=signed-data")
                .POST(HttpRequest.BodyPublishers.ofByteArray(receipt)).build(), "acknowledgement of " + transferId);
    }

    private HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new GatewayException(what + " answered " + response.statusCode() + problem(response.body()));
        }
        return response;
    }

    private String problem(byte[] body) {
        try {
            JsonNode problem = json.readTree(body);
            String code = problem.path("code").asString("");
            String reason = problem.path("reason").asString("");
            return code.isEmpty() ? "" : " " + code + (reason.isEmpty() ? "" : " " + reason);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String segment(String transferId) {
        if (!transferId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("unexpected transfer id in the mailbox listing");
        }
        return transferId;
    }
}
