package org.accord.gateway.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * Pushes a sealed message to a partner's HTTPS endpoint with the client certificate and trust store of that
 * partner's TLS bundle (mutual TLS). A partner without a configured bundle is not pushed to: default deny.
 */
@Component
class HttpsPush {

    private final DeliveryProperties properties;
    private final SslBundles bundles;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    HttpsPush(DeliveryProperties properties, SslBundles bundles) {
        this.properties = properties;
        this.bundles = bundles;
    }

    PushResult push(String recipient, String transferId, String endpoint, byte[] sealed) {
        DeliveryProperties.HttpsEndpoint settings = properties.https().get(recipient);
        if (settings == null || settings.tlsBundle() == null || endpoint == null || !endpoint.startsWith("https://")) {
            return new PushResult(PushResult.Kind.PERMANENT, "ENDPOINT_NOT_CONFIGURED");
        }
        HttpClient client = clients.computeIfAbsent(recipient, r -> client(settings.tlsBundle()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(properties.httpTimeout())
                .header("Content-Type", "application/pkcs7-mime; smime-type=authEnveloped-data")
                .header("Accord-Transfer-Id", transferId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(sealed)).build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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

    private HttpClient client(String bundleName) {
        SSLContext context = bundles.getBundle(bundleName).createSslContext();
        return HttpClient.newBuilder().sslContext(context).connectTimeout(properties.httpTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }
}
