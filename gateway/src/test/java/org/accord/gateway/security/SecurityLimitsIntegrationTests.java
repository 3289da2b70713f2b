package org.accord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.ConsoleSession;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.StoppedClock;
import org.accord.gateway.support.TestDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rate limits and lockouts on a gateway whose clock stands still until the test moves it: a client over its burst
 * is answered 429 RATE_LIMITED with Retry-After and recorded once a minute; the token endpoint limits each source
 * address; failed client authentications and console sign-ins slow down, then lock, and the lock is recorded;
 * an unmapped client is refused UNKNOWN_CLIENT and recorded; with an audience configured, a token for another
 * audience is refused; a request that came over TLS through a proxy gets HSTS and a Secure session cookie.
 */
class SecurityLimitsIntegrationTests {

    private static final StoppedClock CLOCK = new StoppedClock(Instant.now());
    private static final String LIMITED = "uni-northbridge-student-support";
    private static final String AUDIENCE = "accord-gateway-test";

    private static Path root;
    private static ConfigurableApplicationContext gateway;
    private static GatewayClient client;
    private static int port;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        root = TestDirs.create("accord-limits-");
        gateway = new SpringApplicationBuilder(AccordApplication.class).initializers(CLOCK.asGatewayClock()).run(
                "--server.port=0", "--accord.data-dir=" + root.resolve("data"), "--accord.inbound.tls.port=0",
                "--accord.security.rate-limits.clients." + LIMITED + ".requests-per-second=1",
                "--accord.security.rate-limits.clients." + LIMITED + ".burst=3",
                "--accord.security.lockout.slow-after=2", "--accord.security.lockout.first-delay=PT1M",
                "--accord.security.lockout.lock-after=4", "--accord.security.lockout.lock-for=PT15M",
                "--accord.security.demo-clients.stray-client=agreements:read",
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE,
                "--server.forward-headers-strategy=native");
        port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        client = GatewayClient.forContext(gateway);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** Every bucket full again, every failure forgotten. */
    @BeforeEach
    void afterAWhile() {
        CLOCK.advance(Duration.ofMinutes(31));
    }

    @Test
    void whenAClientGoesOverItsBurstThenItIsRefusedRateLimitedAndRecordedOnceAMinuteWhileOthersGoOn() {
        String path = "/api/v1/transfers/" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(client.get(path, LIMITED).status()).isEqualTo(404);
        }
        int before = entries("RATE_LIMITED", LIMITED).size();

        Response refused = client.get(path, LIMITED);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.json().get("retryAfterSeconds").asLong()).isEqualTo(1);
        assertThat(retryAfter(path, LIMITED)).isEqualTo("1");
        for (int i = 0; i < 20; i++) {
            assertThat(client.get(path, LIMITED).status()).isEqualTo(429);
        }
        assertThat(client.get(path, "uni-northbridge").status()).isEqualTo(404);
        assertThat(entries("RATE_LIMITED", LIMITED)).hasSize(before + 1);

        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(client.get(path, LIMITED).status()).isEqualTo(404);
        CLOCK.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            client.get(path, LIMITED);
        }
        List<Map<String, Object>> recorded = entries("RATE_LIMITED", LIMITED);
        assertThat(recorded).hasSize(before + 2);
        assertThat(String.valueOf(recorded.get(recorded.size() - 1).get("detail"))).contains("22 refused");
    }

    @Test
    void whenOneAddressAsksForTokensTooFastThenTheTokenEndpointRefusesItRateLimited() throws Exception {
        int answered = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 201; i++) {
            last = http.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() != 429) {
                answered++;
            }
        }

        assertThat(answered).isEqualTo(200);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.body()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(entries("RATE_LIMITED", "address:127.0.0.1")).isNotEmpty();
    }

    @Test
    void whenAClientFailsToAuthenticateThenItMustWaitThenIsLockedAndTheLockIsRecorded() throws Exception {
        String police = "ctp-nw-prevent";
        assertThat(token(police, "not-the-secret").statusCode()).isEqualTo(401);
        assertThat(token(police, "not-the-secret").statusCode()).isEqualTo(401);

        HttpResponse<String> waiting = token(police, secret(police));
        assertThat(waiting.statusCode()).isEqualTo(429);
        assertThat(waiting.body()).contains("\"code\":\"LOCKED_OUT\"");
        assertThat(waiting.headers().firstValue("Retry-After")).contains("60");

        CLOCK.advance(Duration.ofSeconds(60));
        assertThat(token(police, "not-the-secret").statusCode()).isEqualTo(401);
        assertThat(token(police, secret(police)).headers().firstValue("Retry-After")).contains("120");
        CLOCK.advance(Duration.ofSeconds(120));
        int before = entries("LOCKED_OUT", police).size();
        assertThat(token(police, "not-the-secret").statusCode()).isEqualTo(401);

        HttpResponse<String> locked = token(police, secret(police));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).contains("900");
        assertThat(entries("LOCKED_OUT", police)).hasSize(before + 1);
        assertThat(token("la-northbridge-channel", secret("la-northbridge-channel")).statusCode()).isEqualTo(200);

        CLOCK.advance(Duration.ofMinutes(15));
        assertThat(token(police, secret(police)).statusCode()).isEqualTo(200);
        assertThat(token(police, "not-the-secret").statusCode()).as("a success forgets the failures").isEqualTo(401);
        assertThat(token(police, secret(police)).statusCode()).isEqualTo(200);
    }

    @Test
    void whenConsoleSignInsFailThenTheFormMakesTheUserWaitThenLocksAndTheLockIsRecorded() {
        ConsoleSession browser = new ConsoleSession(port);
        assertThat(signIn(browser, "admin", "wrong")).endsWith("/login?error");
        assertThat(signIn(browser, "admin", "wrong")).endsWith("/login?error");
        assertThat(signIn(browser, "admin", password("admin"))).endsWith("/login?locked");
        assertThat(browser.get("/login?locked").body()).contains("Too many failed sign-ins");

        CLOCK.advance(Duration.ofSeconds(60));
        assertThat(signIn(browser, "admin", "wrong")).endsWith("/login?error");
        CLOCK.advance(Duration.ofSeconds(120));
        int before = entries("LOCKED_OUT", "user:admin").size();
        assertThat(signIn(browser, "admin", "wrong")).endsWith("/login?error");
        assertThat(signIn(browser, "admin", password("admin"))).endsWith("/login?locked");
        assertThat(entries("LOCKED_OUT", "user:admin")).hasSize(before + 1);

        CLOCK.advance(Duration.ofMinutes(15));
        assertThat(signIn(browser, "admin", password("admin"))).doesNotContain("/login");
    }

    @Test
    void whenAClientNotMappedToAnOrganisationReadsAgreementsThenItIsRefusedUnknownClientAndRecorded() {
        for (String path : List.of("/api/v1/agreements", "/api/v1/agreements/isa-northbridge-ctp-prevent")) {
            Response refused = client.get(path, "stray-client");

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("UNKNOWN_CLIENT");
            String refusalId = refused.json().get("refusalId").asString();
            assertThat(client.logEntries(refusalId)).singleElement().satisfies(entry -> {
                assertThat(entry.get("code").asString()).isEqualTo("UNKNOWN_CLIENT");
                assertThat(entry.get("actor").asString()).isEqualTo("stray-client");
            });
        }
    }

    @Test
    void whenAnAudienceIsConfiguredThenTheDemoTokensCarryItAndATokenForAnotherAudienceIsRefused() throws Exception {
        assertThat(client.get("/api/v1/agreements", "uni-northbridge").status()).isEqualTo(200);
        RSAKey key = gateway.getBean(RSAKey.class);

        assertThat(client.getWithToken("/api/v1/agreements", tokenFor(key, AUDIENCE)).status()).isEqualTo(200);
        assertThat(client.getWithToken("/api/v1/agreements", tokenFor(key, "another-application")).status()).isEqualTo(401);
    }

    @Test
    void whenTheRequestCameOverTlsThroughTheLoadBalancerThenHstsAndASecureSessionCookie() throws Exception {
        HttpResponse<String> overTls = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(overTls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(overTls.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .contains("; Secure").contains("; HttpOnly").contains("; SameSite=Strict"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .doesNotContain("Secure").contains("; HttpOnly").contains("; SameSite=Strict"));
    }

    /** Posts the sign-in form as a browser would and returns where the gateway sends the browser next. */
    private static String signIn(ConsoleSession browser, String user, String password) {
        String csrf = ConsoleSession.csrf(browser.get("/login").body());
        return browser.post("/login", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)).location();
    }

    private static String tokenFor(RSAKey key, String audience) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("uni-northbridge").claim("client_id", "uni-northbridge")
                .audience(audience).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("scope", List.of("agreements:read")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private String retryAfter(String path, String clientId) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + client.token(clientId))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("Retry-After").orElse(null);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> token(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + URLEncoder.encode("mailbox", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String secret(String clientId) {
        return gateway.getBean(DemoClients.class).secretOf(clientId);
    }

    private static String password(String user) {
        return gateway.getBean(DemoUsers.class).passwordOf(user);
    }

    private static List<Map<String, Object>> entries(String code, String actor) {
        return gateway.getBean(JdbcTemplate.class).queryForList(
                "select transfer_id, actor, detail from transfer_log where code = ? and actor = ? order by seq", code, actor);
    }

    private static String base() {
        return "http://127.0.0.1:" + port;
    }
}
