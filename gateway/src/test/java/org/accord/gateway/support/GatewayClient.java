package org.accord.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that talk to a running gateway the way a university system or a partner
 * would: real tokens from the authorization server, real HTTP.
 */
public final class GatewayClient {

    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;
    private final Map<String, String> secrets;
    private final Map<String, String> scopes;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /**
     * @param secrets client id to secret
     * @param scopes client id to the space-separated scopes to ask for
     */
    public GatewayClient(int port, Map<String, String> secrets, Map<String, String> scopes) {
        this("http://localhost:" + port, null, secrets, scopes);
    }

    /**
     * @param baseUrl for example {@code https://localhost:8443}
     * @param tls the trust (and, if the server asks, the client certificate) for an HTTPS gateway; null for plain HTTP
     */
    public GatewayClient(String baseUrl, javax.net.ssl.SSLContext tls, Map<String, String> secrets, Map<String, String> scopes) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
        this.baseUrl = baseUrl;
        this.secrets = Map.copyOf(secrets);
        this.scopes = Map.copyOf(scopes);
    }

    /** A client for a gateway started by the test itself that serves HTTPS, with the demo clients' secrets and scopes. */
    public static GatewayClient forHttpsContext(org.springframework.context.ConfigurableApplicationContext context,
            javax.net.ssl.SSLContext tls) {
        int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) context).getWebServer().getPort();
        GatewayClient demo = forDemo(port, context.getBean(org.accord.gateway.security.SecurityProperties.class),
                context.getBean(org.accord.gateway.security.DemoClients.class));
        return new GatewayClient("https://localhost:" + port, tls, demo.secrets, demo.scopes);
    }

    /** A client for a gateway started by the test itself, with the demo clients' secrets and scopes. */
    public static GatewayClient forContext(org.springframework.context.ConfigurableApplicationContext context) {
        int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) context).getWebServer().getPort();
        return forDemo(port, context.getBean(org.accord.gateway.security.SecurityProperties.class),
                context.getBean(org.accord.gateway.security.DemoClients.class));
    }

    /** A client for the gateway on {@code port}, asking each demo client's token for all the scopes it is registered with. */
    public static GatewayClient forDemo(int port, org.accord.gateway.security.SecurityProperties security,
            org.accord.gateway.security.DemoClients demo) {
        Map<String, String> secrets = new java.util.HashMap<>();
        Map<String, String> scopes = new java.util.HashMap<>();
        security.demoClients().forEach((id, granted) -> {
            secrets.put(id, demo.secretOf(id));
            scopes.put(id, String.join(" ", granted));
        });
        return new GatewayClient(port, secrets, scopes);
    }

    public String token(String clientId) {
        return tokens.computeIfAbsent(clientId, id -> {
            String basic = Base64.getEncoder().encodeToString((id + ":" + secrets.get(id)).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                            + java.net.URLEncoder.encode(scopes.getOrDefault(id, ""), StandardCharsets.UTF_8)))
                    .build();
            Response response = send(request);
            if (response.status() != 200) {
                throw new IllegalStateException("Token request for " + id + " failed with " + response.status());
            }
            return response.json().get("access_token").asString();
        });
    }

    /** Submits the example referral as the demo university to {@code recipient}, for assessment; it must be accepted. */
    public String submitReferral(String recipient) {
        Response response = postJson("/api/v1/records", "uni-northbridge",
                Fixtures.json(Fixtures.submission("prevent-referral", recipient, "assess", Fixtures.example("prevent-referral"))));
        if (response.status() != 202) {
            throw new AssertionError("Submit to " + recipient + " answered " + response.status() + ": " + new String(response.body()));
        }
        return response.json().get("transferId").asString();
    }

    /** A transfer's status as the demo university, its sender, reads it. */
    public String transferStatus(String transferId) {
        return get("/api/v1/transfers/" + transferId, "uni-northbridge").json().get("status").asString();
    }

    /** Waits up to a minute for a transfer of the demo university to reach {@code status}. */
    public void awaitTransferStatus(String transferId, String status) {
        org.awaitility.Awaitility.await().atMost(60, java.util.concurrent.TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(transferStatus(transferId)));
    }

    /** A transfer's log entries as the DPO reads them, in order, without the DPO's own reads (AUDIT_READ). */
    public List<JsonNode> logEntries(String transferId) {
        List<JsonNode> entries = new ArrayList<>();
        get("/api/v1/audit/transfers?transferId=" + transferId, "accord-dpo").json().get("entries").forEach(e -> {
            if (!"AUDIT_READ".equals(e.get("event").asString())) {
                entries.add(e);
            }
        });
        return entries;
    }

    /**
     * Every message a mailbox or inbox listing ({@code /api/v1/mailbox} or {@code /api/v1/inbox}) holds for
     * {@code clientId}, following {@code next} from page to page, in listing order.
     */
    public List<JsonNode> listing(String path, String clientId) {
        List<JsonNode> messages = new ArrayList<>();
        String next = null;
        do {
            Response page = get(path + "?limit=1000" + (next == null ? "" : "&after=" + next), clientId);
            if (page.status() != 200) {
                throw new AssertionError(path + " answered " + page.status() + ": " + new String(page.body(), StandardCharsets.UTF_8));
            }
            JsonNode json = page.json();
            json.get("messages").forEach(messages::add);
            next = json.has("next") ? json.get("next").asString() : null;
        } while (next != null);
        return messages;
    }

    /** The transfer ids of {@link #listing(String, String)}. */
    public List<String> listedIds(String path, String clientId) {
        return listing(path, clientId).stream().map(message -> message.get("transferId").asString()).toList();
    }

    public Response post(String path, String clientId, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (clientId != null) {
            builder.header("Authorization", "Bearer " + token(clientId));
        }
        headers.forEach(builder::header);
        return send(builder.build());
    }

    public Response postJson(String path, String clientId, String body) {
        return post(path, clientId, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public Response get(String path, String clientId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (clientId != null) {
            builder.header("Authorization", "Bearer " + token(clientId));
        }
        return send(builder.build());
    }

    public Response getWithToken(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + bearer).GET().build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body(), json);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response as the tests read it. */
    public record Response(int status, String contentType, String location, byte[] body, JsonMapper mapper) {

        public JsonNode json() {
            return mapper.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }
    }
}
