package org.accord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.accord.gateway.support.ConsoleSession;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The console's session cookie is {@code SameSite=Strict}, so a browser coming back from an identity provider on another
 * site sends no session cookie on the redirect back. This test plays that browser: it signs in as usual, then follows the
 * provider's redirect back with only the cookies a browser sends there (the {@code SameSite=Lax} pending sign-in, not the
 * session), and is still signed in to the console, through a page that refreshes to it from the console's own site.
 */
class ConsoleSignInReturnIntegrationTests extends GatewayIntegrationTest {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void whenTheProviderRedirectsBackWithoutTheStrictSessionCookieThenTheSignInCompletesThroughARefreshingPage() throws Exception {
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> response = followUntil(get(base + "/console"), "/login");
        String csrf = ConsoleSession.csrf(response.body());
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=dpo&password=" + URLEncoder.encode(demoPassword("dpo"), StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        String callback = callbackFrom(posted);
        HttpCookie pending = cookie(ConsoleSignInReturn.COOKIE);
        assertThat(pending).as("the pending sign-in's cookie").isNotNull();

        cookies.getCookieStore().removeAll();
        cookies.getCookieStore().add(URI.create(base + ConsoleSignInReturn.CALLBACK_PATH), pending);
        HttpResponse<String> back = get(callback);

        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("<meta http-equiv=\"refresh\" content=\"0;url=/console\">");
        assertThat(cookie("JSESSIONID")).as("a new session").isNotNull();
        HttpResponse<String> console = followUntil(get(base + "/console"), "/console/transfers");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("Signed in as");
    }

    /** Follows the redirects after the sign-in form to the provider's redirect back, and returns its address. */
    private String callbackFrom(HttpResponse<String> response) throws Exception {
        HttpResponse<String> current = response;
        for (int i = 0; i < 10 && current.statusCode() / 100 == 3; i++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            if (next.getPath().startsWith(ConsoleSignInReturn.CALLBACK_PATH)) {
                return next.toString();
            }
            current = get(next.toString());
        }
        throw new AssertionError("No redirect back to the console: " + current.statusCode() + " " + current.uri());
    }

    private HttpResponse<String> followUntil(HttpResponse<String> response, String path) throws Exception {
        HttpResponse<String> current = response;
        for (int i = 0; i < 10 && current.statusCode() / 100 == 3; i++) {
            current = get(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()).toString());
        }
        assertThat(current.uri().getPath()).isEqualTo(path);
        return current;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpCookie cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }
}
