package org.accord.gateway.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
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
    private final HttpsPost post;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private volatile OAuth2AuthorizedClientManager tokens;

    HttpsPush(DeliveryProperties properties, HttpsPost post, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.properties = properties;
        this.post = post;
        this.registrations = registrations;
    }

    PushResult push(String recipient, String transferId, String endpoint, byte[] sealed) {
        DeliveryProperties.HttpsEndpoint settings = properties.https().get(recipient);
        if (settings == null || settings.tlsBundle() == null || endpoint == null || !endpoint.startsWith("https://")) {
            return new PushResult(PushResult.Kind.PERMANENT, "ENDPOINT_NOT_CONFIGURED");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/pkcs7-mime; smime-type=authEnveloped-data");
        headers.put("Accord-Transfer-Id", transferId);
        if (settings.oauth2Registration() != null) {
            try {
                headers.put("Authorization", "Bearer " + bearerToken(settings.oauth2Registration()));
            }
            catch (RuntimeException e) {
                return new PushResult(PushResult.Kind.RETRYABLE, "TOKEN_UNAVAILABLE");
            }
        }
        return post.post(settings.tlsBundle(), endpoint, headers, sealed);
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
}
