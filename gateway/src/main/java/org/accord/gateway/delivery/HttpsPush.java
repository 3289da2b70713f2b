package org.accord.gateway.delivery;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.accord.gateway.agreement.Organisation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
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
 * authorization server, fetched over the same TLS bundle (the partner's trust store, not the JVM's). Settings
 * are per partner organisation, whichever of its units a transfer is addressed to. A partner without a
 * configured bundle is not pushed to: default deny.
 */
@Component
class HttpsPush {

    private final DeliveryProperties properties;
    private final HttpsPost post;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final Map<String, OAuth2AuthorizedClientManager> tokens = new ConcurrentHashMap<>();

    HttpsPush(DeliveryProperties properties, HttpsPost post, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.properties = properties;
        this.post = post;
        this.registrations = registrations;
    }

    /** @param recipient the recipient organisation, or one of its units */
    PushResult push(String recipient, String transferId, String endpoint, byte[] sealed) {
        String partner = Organisation.organisationOf(recipient);
        DeliveryProperties.HttpsEndpoint settings = properties.https().get(partner);
        if (settings == null || settings.tlsBundle() == null || endpoint == null || !endpoint.startsWith("https://")) {
            return new PushResult(PushResult.Kind.PERMANENT, "ENDPOINT_NOT_CONFIGURED");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/pkcs7-mime; smime-type=authEnveloped-data");
        headers.put("Accord-Transfer-Id", transferId);
        if (settings.oauth2Registration() != null) {
            try {
                headers.put("Authorization", "Bearer " + bearerToken(partner, settings));
            }
            catch (RuntimeException e) {
                return new PushResult(PushResult.Kind.RETRYABLE, "TOKEN_UNAVAILABLE");
            }
        }
        return post.post(settings.tlsBundle(), endpoint, headers, sealed);
    }

    /** A client-credentials token from the partner's authorization server, cached until it expires. */
    private String bearerToken(String partner, DeliveryProperties.HttpsEndpoint settings) {
        OAuth2AuthorizedClientManager manager = tokens.computeIfAbsent(partner, p -> tokenManager(post.clientFor(settings.tlsBundle())));
        OAuth2AuthorizedClient authorized = manager.authorize(OAuth2AuthorizeRequest
                .withClientRegistrationId(settings.oauth2Registration()).principal("accord-gateway").build());
        if (authorized == null) {
            throw new IllegalStateException("No token for registration " + settings.oauth2Registration());
        }
        return authorized.getAccessToken().getTokenValue();
    }

    /**
     * Tokens are fetched outside any web request, on the queue consumer's threads, and cached until they expire;
     * the token request goes over the partner's TLS bundle, like the push.
     */
    private OAuth2AuthorizedClientManager tokenManager(HttpClient http) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository == null) {
            throw new IllegalStateException("No OAuth2 client registrations are configured");
        }
        RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory(http))
                .configureMessageConverters(converters -> converters.addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                repository, new InMemoryOAuth2AuthorizedClientService(repository));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(c -> c.accessTokenResponseClient(tokenClient)).build());
        return manager;
    }
}
