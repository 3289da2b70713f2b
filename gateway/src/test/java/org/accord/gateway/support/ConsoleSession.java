package org.accord.gateway.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP session on the console, following redirects itself so tests can see each hop. Signs in
 * the way a browser does: the console sends it to the authorization server, which shows its form; the session
 * posts the form and is sent back to the console with an authorization code.
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http;
    private final String base;
    private final List<String> hops = new ArrayList<>();

    public ConsoleSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String base() {
        return base;
    }

    /** The locations redirected through by the last {@link #follow} or {@link #signIn}. */
    public List<String> hops() {
        return List.copyOf(hops);
    }

    /** One request without following redirects. */
    public Page get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET().build());
    }

    /** A GET, following redirects to the end. */
    public Page follow(String path) {
        hops.clear();
        return followFrom(get(path));
    }

    /** Signs in as {@code user} starting from {@code path}, and returns the page the console ends on. */
    public Page signIn(String user, String password, String path) {
        Page form = follow(path);
        if (!form.uri().getPath().equals("/login")) {
            throw new IllegalStateException("Expected the sign-in form, got " + form.uri() + " " + form.status());
        }
        List<String> before = new ArrayList<>(hops);
        Page after = post("/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf(form.body())));
        hops.clear();
        hops.addAll(before);
        return followFrom(after);
    }

    public Page post(String path, String form) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token in the page");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private Page followFrom(Page page) {
        Page current = page;
        for (int i = 0; i < 15 && current.status() / 100 == 3; i++) {
            URI next = current.uri().resolve(current.location());
            hops.add(next.toString());
            current = send(HttpRequest.newBuilder(next).GET().build());
        }
        return current;
    }

    private URI resolve(String path) {
        return path.startsWith("http") ? URI.create(path) : URI.create(base + path);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), request.uri(), response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A response: its status, the address asked for, where it redirects, and its body. */
    public record Page(int status, URI uri, String location, String contentType, String body) {
    }
}
