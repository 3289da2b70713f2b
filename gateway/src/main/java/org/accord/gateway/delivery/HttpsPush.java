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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;

/**
 * Pushes a sealed message to a partner's HTTPS endpoint with the client certificate and trust store of that
 * partner's TLS bundle (mutual TLS) and, where the partner asks for it, a client-credentials token from its
 * authorization server. A partner without a configured bundle is not pushed to: default deny.
 */
@Component
class HttpsPush {

    private final DeliveryProperties properties;
    private final SslBundles bundles;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private volatile OAuth2AuthorizedClientManager tokens;

    HttpsPush(DeliveryProperties properties, SslBundles bundles, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.properties = properties;
        this.bundles = bundles;
        this.registrations = registrations;
    }

    PushResult push(String recipient, String transferId, String endpoint, byte[] sealed) {
        DeliveryProperties.HttpsEndpoint settings = properties.https().get(recipient);
        if (settings == null || settings.tlsBundle() == null || endpoint == null || !endpoint.startsWith("https://")) {
            return new PushResult(PushResult.Kind.PERMANENT, "ENDPOINT_NOT_CONFIGURED");
        }
        HttpClient client = clients.computeIfAbsent(recipient, r -> client(settings.tlsBundle()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(properties.httpTimeout())
                .header("Content-Type", "application/pkcs7-mime; smime-type=authEnveloped-data")
                .header("Accord-Transfer-Id", transferId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(sealed));
        if (settings.oauth2Registration() != null) {
            String token;
            try {
                token = bearerToken(settings.oauth2Registration());
            }
            catch (RuntimeException e) {
                return new PushResult(PushResult.Kind.RETRYABLE, "TOKEN_UNAVAILABLE");
            }
            request.header("Authorization", "Bearer " + token);
        }
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

    /** A client-credentials token from the partner's authorization server, cached until it expires. */
    private String bearerToken(String registration) {
        OAuth2AuthorizedClientManager manager = tokens();
        OAuth2AuthorizedClient authorized = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registration)
                .principal("accord-gateway").build());
        if (authorized == null) {
            throw new IllegalStateException("No token for registration " + registration);
        }
        return authorized.getAccessToken().getTokenValue();
    }

    /** Tokens are fetched outside any web request, on the queue consumer's threads, and cached until they expire. */
    private OAuth2AuthorizedClientManager tokens() {
        if (tokens == null) {
            ClientRegistrationRepository repository = registrations.getIfAvailable();
            if (repository == null) {
                throw new IllegalStateException("No OAuth2 client registrations are configured");
            }
            AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                    repository, new InMemoryOAuth2AuthorizedClientService(repository));
            manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
            tokens = manager;
        }
        return tokens;
    }

    private HttpClient client(String bundleName) {
        SSLContext context = bundles.getBundle(bundleName).createSslContext();
        return HttpClient.newBuilder().sslContext(context).connectTimeout(properties.httpTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }
}
