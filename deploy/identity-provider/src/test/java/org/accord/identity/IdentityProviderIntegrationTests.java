package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity provider as a gateway and its clients meet it: started on a free port with a configuration file,
 * asked over real HTTP for discovery, keys and tokens, and its tokens checked the way a gateway with
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} checks them.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentityProviderIntegrationTests {

    private static final String CLIENT = "northbridge-case-management";
    private static final String CLIENT_SECRET = "case-management-secret-3f9a";
    private static final List<String> CLIENT_SCOPES = List.of("submit:prevent-referral", "transfers:read", "inbox", "agreements:read");
    private static final String CONSOLE_SECRET = "console-secret-77c1";
    private static final String DPO_PASSWORD = "dpo-password-5e20";
    private static final String REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/accord";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path folder;

    private static ConfigurableApplicationContext provider;
    private static String issuer;
    private static Path signingKey;
    private static Path config;

    @BeforeAll
    static void start() throws IOException {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        signingKey = folder.resolve("keys").resolve("token-signing.jwk.json");
        config = folder.resolve("idp.yml");
        Files.writeString(config, """
                accord-idp:
                  signing-key: %s
                  clients:
                    %s:
                      secret-hash: "{bcrypt}%s"
                      scopes: [ %s ]
                    ctp-nw-accord:
                      secret-hash: "%s"
                      scopes: [ mailbox, inbound ]
                  console:
                    secret-hash: "{bcrypt}%s"
                    redirect-uris: [ "%s" ]
                  users:
                    dpo:
                      password-hash: "{bcrypt}%s"
                      roles: [ DPO ]
                """.formatted(signingKey, CLIENT, bcrypt.encode(CLIENT_SECRET), String.join(", ", CLIENT_SCOPES),
                bcrypt.encode("police-secret"), bcrypt.encode(CONSOLE_SECRET), REDIRECT_URI, bcrypt.encode(DPO_PASSWORD)));
        int port = freePort();
        issuer = "http://127.0.0.1:" + port;
        provider = new SpringApplicationBuilder(IdentityProviderApplication.class).run(arguments(port, issuer));
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void whenDiscoveryAskedThenItNamesTheIssuerAndItsEndpoints() {
        Answer answer = new Browser().get(issuer + "/.well-known/openid-configuration");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode discovery = answer.json();
        assertThat(discovery.path("issuer").asString()).isEqualTo(issuer);
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(issuer + "/oauth2/token");
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(issuer + "/oauth2/jwks");
        assertThat(discovery.path("authorization_endpoint").asString()).isEqualTo(issuer + "/oauth2/authorize");
        assertThat(discovery.path("id_token_signing_alg_values_supported").toString()).contains("RS256");
    }

    @Test
    void whenJwksAskedThenItServesThePublicHalfOfTheKeyInTheKeyFile() throws Exception {
        Answer answer = new Browser().get(issuer + "/oauth2/jwks");

        assertThat(answer.status()).isEqualTo(200);
        JWKSet jwks = JWKSet.parse(answer.body());
        assertThat(jwks.getKeys()).hasSize(1);
        assertThat(jwks.getKeys().get(0).isPrivate()).isFalse();
        assertThat(answer.json().path("keys").get(0).has("d")).isFalse();
        assertThat(jwks.getKeys().get(0).getKeyID()).isEqualTo(SigningKeyFile.loadOrCreate(signingKey).getKeyID());
    }

    @Test
    void whenRegisteredClientAsksForItsScopesThenTheTokenCarriesExactlyThemAndVerifiesAsAGatewayChecksIt(CapturedOutput output)
            throws Exception {
        Answer answer = new Browser().clientCredentials(CLIENT, CLIENT_SECRET, String.join(" ", CLIENT_SCOPES));

        assertThat(answer.status()).isEqualTo(200);
        String token = answer.json().path("access_token").asString();
        JwtDecoder gateway = JwtDecoders.fromIssuerLocation(issuer);
        Jwt jwt = gateway.decode(token);
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(issuer);
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo(CLIENT);
        assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrderElementsOf(CLIENT_SCOPES);
        assertThat(jwt.getExpiresAt()).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(11 * 60));
        assertThat(new JwtAuthenticationConverter().convert(jwt).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .filteredOn(authority -> authority.startsWith("SCOPE_"))
                .containsExactlyInAnyOrder("SCOPE_submit:prevent-referral", "SCOPE_transfers:read", "SCOPE_inbox", "SCOPE_agreements:read");
        assertThat(output.getAll()).contains("Client id=" + CLIENT).doesNotContain(token).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void whenClientAsksForSomeOfItsScopesThenTheTokenCarriesOnlyThose() {
        Answer answer = new Browser().clientCredentials("ctp-nw-accord", "police-secret", "mailbox");

        assertThat(answer.status()).isEqualTo(200);
        Jwt jwt = JwtDecoders.fromIssuerLocation(issuer).decode(answer.json().path("access_token").asString());
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("mailbox");
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("ctp-nw-accord");
    }

    @Test
    void whenClientAsksForNoScopeThenTheTokenCarriesNone() {
        Answer answer = new Browser().postForm(issuer + "/oauth2/token", "grant_type=client_credentials", basic(CLIENT, CLIENT_SECRET));

        assertThat(answer.status()).isEqualTo(200);
        Jwt jwt = JwtDecoders.fromIssuerLocation(issuer).decode(answer.json().path("access_token").asString());
        assertThat(jwt.hasClaim("scope")).isFalse();
    }

    @Test
    void whenSecretIsWrongThenNoTokenIsIssued() {
        Answer answer = new Browser().clientCredentials(CLIENT, "not-the-secret", "inbox");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(answer.body()).doesNotContain("access_token");
    }

    @Test
    void whenClientAsksForAScopeItIsNotRegisteredWithThenNoTokenIsIssued() {
        Answer answer = new Browser().clientCredentials(CLIENT, CLIENT_SECRET, "inbox audit:read");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_scope");
        assertThat(answer.body()).doesNotContain("access_token");
    }

    @Test
    void whenConsoleUserSignsInThenTheIdTokenAndUserInfoCarryTheRoles(CapturedOutput output) throws Exception {
        Browser browser = new Browser();
        String verifier = random();
        String state = random();
        String nonce = random();
        String authorize = issuer + "/oauth2/authorize?response_type=code&client_id=accord-console"
                + "&scope=" + enc("openid profile") + "&redirect_uri=" + enc(REDIRECT_URI) + "&state=" + state
                + "&nonce=" + nonce + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";

        Answer toSignIn = browser.get(authorize);
        assertThat(toSignIn.status()).isEqualTo(302);
        assertThat(toSignIn.location()).isEqualTo(issuer + "/login");
        Answer form = browser.get(toSignIn.location());
        Answer signedIn = browser.postForm(issuer + "/login",
                "username=dpo&password=" + enc(DPO_PASSWORD) + "&_csrf=" + enc(csrf(form.body())), null);
        assertThat(signedIn.status()).isEqualTo(302);
        Answer toConsole = browser.get(URI.create(issuer).resolve(signedIn.location()).toString());
        assertThat(toConsole.status()).isEqualTo(302);
        assertThat(toConsole.location()).startsWith(REDIRECT_URI + "?code=").contains("state=" + state);
        String code = query(toConsole.location(), "code");
        Answer tokens = browser.postForm(issuer + "/oauth2/token", "grant_type=authorization_code&code=" + enc(code)
                + "&redirect_uri=" + enc(REDIRECT_URI) + "&code_verifier=" + verifier, basic("accord-console", CONSOLE_SECRET));

        assertThat(tokens.status()).isEqualTo(200);
        Jwt idToken = JwtDecoders.fromIssuerLocation(issuer).decode(tokens.json().path("id_token").asString());
        assertThat(idToken.getSubject()).isEqualTo("dpo");
        assertThat(idToken.getAudience()).containsExactly("accord-console");
        assertThat(idToken.getClaimAsString("nonce")).isEqualTo(nonce);
        assertThat(idToken.getClaimAsStringList("roles")).containsExactly("DPO");
        Answer userInfo = browser.bearer(issuer + "/userinfo", tokens.json().path("access_token").asString());
        assertThat(userInfo.status()).isEqualTo(200);
        assertThat(userInfo.json().path("roles").toString()).isEqualTo("[\"DPO\"]");
        assertThat(browser.cookieNames()).contains("ACCORD_IDP_SESSION").doesNotContain("JSESSIONID");
        assertThat(output.getAll()).contains("Console user name=dpo").doesNotContain(DPO_PASSWORD).doesNotContain(CONSOLE_SECRET).doesNotContain(code)
                .doesNotContain(tokens.json().path("id_token").asString());
    }

    @Test
    void whenNoIssuerIsConfiguredThenTheProviderRefusesToStart() throws IOException {
        int port = freePort();
        String[] withoutIssuer = List.of(arguments(port, issuer)).stream()
                .filter(argument -> !argument.startsWith("--spring.security.oauth2.authorizationserver.issuer="))
                .toArray(String[]::new);

        assertThatThrownBy(() -> new SpringApplicationBuilder(IdentityProviderApplication.class).run(withoutIssuer).close())
                .hasStackTraceContaining("spring.security.oauth2.authorizationserver.issuer");
    }

    private static String[] arguments(int port, String issuer) {
        return new String[] {"--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.security.oauth2.authorizationserver.issuer=" + issuer,
                "--spring.config.additional-location=file:" + config};
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the sign-in form").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String query(String uri, String name) {
        for (String pair : URI.create(uri).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No " + name + " in " + uri);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(user) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A cookie-keeping client that follows no redirect by itself, so each hop is visible. */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        Answer get(String uri) {
            return send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build());
        }

        Answer bearer(String uri, String token) {
            return send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token).GET().build());
        }

        Answer clientCredentials(String clientId, String secret, String scope) {
            return postForm(issuer + "/oauth2/token", "grant_type=client_credentials&scope=" + enc(scope), basic(clientId, secret));
        }

        Answer postForm(String uri, String form, String authorization) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return send(request.build());
        }

        List<String> cookieNames() {
            return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).toList();
        }

        private Answer send(HttpRequest request) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private record Answer(int status, String location, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
