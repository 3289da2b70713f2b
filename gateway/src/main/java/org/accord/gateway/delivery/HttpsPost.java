package org.accord.gateway.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * One HTTPS POST with the client certificate and trust store of a Spring SSL bundle ({@code spring.ssl.bundle.*}),
 * its outcome reduced to a stable code: partner pushes and notifications to the university's own systems both
 * go out this way. Connect and response timeouts are {@code accord.delivery.http-timeout}.
 */
@Component
public final class HttpsPost {

    /** The key of the client for calls without a bundle: the JDK's trusted CAs, no client certificate. */
    private static final String JDK_DEFAULTS = "";

    private final DeliveryProperties properties;
    private final SslBundles bundles;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    HttpsPost(DeliveryProperties properties, SslBundles bundles) {
        this.properties = properties;
        this.bundles = bundles;
    }

    /**
     * Posts {@code body} to an {@code https://} address: delivered on a 2xx or a 409 (the receiver already has
     * it); worth retrying on a 5xx, 408, 429, timeout, connection or TLS failure; otherwise permanent.
     *
     * @param tlsBundle the SSL bundle to call with; null for the JDK's trusted CAs and no client certificate
     * @param headers request headers, including the content type
     */
    public PushResult post(String tlsBundle, String address, Map<String, String> headers, byte[] body) {
        HttpClient client = clientFor(tlsBundle);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).timeout(properties.httpTimeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2 || status == 409) {
                return new PushResult(PushResult.Kind.DELIVERED, "HTTP_" + status);
            }
            boolean retryable = status / 100 == 5 || status == 429 || status == 408;
            return new PushResult(retryable ? PushResult.Kind.RETRYABLE : PushResult.Kind.PERMANENT, "HTTP_" + status);
        }
        catch (HttpTimeoutException e) {
            return new PushResult(PushResult.Kind.RETRYABLE, "TIMEOUT");
        }
        catch (SSLException e) {
            return new PushResult(PushResult.Kind.RETRYABLE, "TLS_FAILURE");
        }
        catch (ConnectException e) {
            return new PushResult(PushResult.Kind.RETRYABLE, "CONNECTION_FAILED");
        }
        catch (IOException e) {
            return new PushResult(PushResult.Kind.RETRYABLE, e.getCause() instanceof SSLException ? "TLS_FAILURE" : "IO_FAILURE");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PushResult(PushResult.Kind.RETRYABLE, "INTERRUPTED");
        }
    }

    /** Whether the named bundle holds a client certificate, so that calls with it authenticate by mutual TLS. */
    public boolean presentsClientCertificate(String tlsBundle) {
        return bundles.getBundle(tlsBundle).getStores().getKeyStore() != null;
    }

    /** The HTTP client that calls with {@code tlsBundle} (null for the JDK's trusted CAs), made once per bundle. */
    HttpClient clientFor(String tlsBundle) {
        return clients.computeIfAbsent(tlsBundle == null ? JDK_DEFAULTS : tlsBundle, this::client);
    }

    private HttpClient client(String bundleName) {
        SSLContext context;
        try {
            context = JDK_DEFAULTS.equals(bundleName) ? SSLContext.getDefault() : bundles.getBundle(bundleName).createSslContext();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No default TLS context", e);
        }
        return HttpClient.newBuilder().sslContext(context).connectTimeout(properties.httpTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }
}
