package org.accord.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients the configuration lists, checked before any is served: every secret a bcrypt hash, every
 * client-credentials scope one of Accord's, the console's redirect URIs absolute. A problem stops the start.
 */
final class ConfiguredClients {

    /** The gateways' console, an authorization-code client with PKCE (the gateway's registration {@code accord}). */
    static final String CONSOLE_CLIENT_ID = "accord-console";

    private ConfiguredClients() {
    }

    static List<RegisteredClient> from(IdentityProviderProperties properties) {
        List<RegisteredClient> clients = new ArrayList<>();
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTimeToLive()).build();
        properties.clients().forEach((id, client) -> clients.add(clientCredentials(id, client, tokens)));
        if (properties.console() != null) {
            clients.add(console(properties.console(), tokens));
        }
        if (clients.isEmpty()) {
            throw new IllegalStateException("No clients configured: list them under accord-idp.clients.<client-id>");
        }
        return clients;
    }

    private static RegisteredClient clientCredentials(String id, IdentityProviderProperties.Client client, TokenSettings tokens) {
        if (CONSOLE_CLIENT_ID.equals(id)) {
            throw new IllegalStateException(CONSOLE_CLIENT_ID + " is the console's client; configure it under accord-idp.console");
        }
        if (client.scopes().isEmpty()) {
            throw new IllegalStateException("Client " + id + " has no scopes (accord-idp.clients." + id + ".scopes)");
        }
        List<String> unknown = client.scopes().stream().filter(scope -> !AccordScopes.isKnown(scope)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("Client " + id + " names scopes Accord does not know: " + unknown
                    + "; known scopes are " + new TreeSet<>(AccordScopes.ALL));
        }
        return RegisteredClient.withId(stableId(id))
                .clientId(id)
                .clientSecret(SecretHashes.bcrypt(client.secretHash(), "client " + id))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .tokenSettings(tokens)
                .build();
    }

    private static RegisteredClient console(IdentityProviderProperties.Console console, TokenSettings tokens) {
        if (console.redirectUris().isEmpty()) {
            throw new IllegalStateException("The console client has no redirect URIs (accord-idp.console.redirect-uris)");
        }
        console.redirectUris().forEach(ConfiguredClients::requireAbsolute);
        return RegisteredClient.withId(stableId(CONSOLE_CLIENT_ID))
                .clientId(CONSOLE_CLIENT_ID)
                .clientSecret(SecretHashes.bcrypt(console.secretHash(), "the console client " + CONSOLE_CLIENT_ID))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(console.redirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build();
    }

    private static void requireAbsolute(String redirectUri) {
        try {
            URI uri = new URI(redirectUri);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getFragment() != null) {
                throw new IllegalStateException("Console redirect URI " + redirectUri + " is not an absolute http(s) address");
            }
            if ("localhost".equalsIgnoreCase(uri.getHost())) {
                // RFC 8252 s.8.3: loopback redirects name the address; the authorization server refuses localhost.
                throw new IllegalStateException("Console redirect URI " + redirectUri + " names localhost; use 127.0.0.1");
            }
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException("Console redirect URI " + redirectUri + " is not a URI", e);
        }
    }

    private static String stableId(String clientId) {
        return UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
