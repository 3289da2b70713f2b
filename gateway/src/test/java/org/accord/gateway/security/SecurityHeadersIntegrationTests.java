package org.accord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The headers a reviewer looks for: a strict Content-Security-Policy (self only, no inline script or style, no
 * framing) and no referrer on the console and sign-in pages, an HttpOnly SameSite=Strict session cookie, and
 * {@code Cache-Control: no-store} on API answers, refusals included. Over plain HTTP no HSTS is sent
 * (SecurityLimitsIntegrationTests shows it, and the Secure cookie, for a request that came over TLS).
 */
class SecurityHeadersIntegrationTests extends GatewayIntegrationTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void whenTheSignInPageIsShownThenItsPolicyAllowsOnlyThisGatewayAndNoInlineScriptOrStyle() throws Exception {
        HttpResponse<String> page = get("/login", null);

        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*", "data:");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
        assertThat(page.body()).doesNotContain("<script", "<style", "style=\"");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
                .contains("; HttpOnly", "; SameSite=Strict").doesNotContain("Secure"));
    }

    @Test
    void whenConsolePagesAndTheirStylesheetAreServedThenTheyCarryThePolicy() throws Exception {
        for (String path : new String[] {"/console/signed-out", "/console", "/assets/accord/accord.css",
                "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css"}) {
            HttpResponse<String> response = get(path, null);

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
        }
        HttpResponse<String> css = get("/assets/accord/accord.css", null);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".accord-bar");
    }

    @Test
    void whenTheApiAnswersThenNothingMayBeStoredByACacheAndNoReferrerIsSent() throws Exception {
        for (HttpResponse<String> response : java.util.List.of(get("/api/v1/agreements", client.token("uni-northbridge")),
                get("/api/v1/agreements", null), get("/api/v1/audit/verify", client.token("uni-northbridge")),
                get("/actuator/prometheus", client.token("accord-monitoring")))) {
            assertThat(response.headers().firstValue("Cache-Control")).as(response.uri() + " " + response.statusCode()).contains("no-store");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
