package org.accord.gateway.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * The console as an OIDC client of the embedded authorization server: registered there as
 * {@code accord-console} (authorization code with PKCE, scopes openid and profile), and known to the console
 * as registration {@code accord}. The issuer is this gateway itself, so its address is only known once the
 * server listens; the registration is made on first use. The browser is sent to a relative authorization URI,
 * so it stays on the host it came in on.
 */
final class EmbeddedConsoleClient implements ClientRegistrationRepository {

    static final String CLIENT_ID = "accord-console";

    private final Environment environment;
    private final DemoClients secrets;
    private volatile ClientRegistration registration;
    private volatile Map<String, ClientRegistration> configured;

    EmbeddedConsoleClient(Environment environment, DemoClients secrets) {
        this.environment = environment;
        this.secrets = secrets;
    }

    /**
     * The registrations configured under {@code spring.security.oauth2.client} (for example the client-credentials
     * registrations partners' endpoints ask tokens from), which this repository serves beside the console's own.
     */
    private Map<String, ClientRegistration> configured() {
        Map<String, ClientRegistration> made = configured;
        if (made == null) {
            OAuth2ClientProperties properties = Binder.get(environment).bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
                    .orElseGet(OAuth2ClientProperties::new);
            made = Map.copyOf(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
            configured = made;
        }
        return made;
    }

    static RegisteredClient registeredClient(DemoClients secrets, PasswordEncoder encoder, List<String> redirectUris) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(CLIENT_ID.getBytes()).toString())
                .clientId(CLIENT_ID)
                .clientSecret(encoder.encode(secrets.secretOf(CLIENT_ID)))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ConsoleRoles.REGISTRATION_ID.equals(registrationId)) {
            return configured().get(registrationId);
        }
        ClientRegistration made = registration;
        if (made == null) {
            String port = environment.getProperty("local.server.port");
            if (port == null) {
                return null;
            }
            String issuer = "http://127.0.0.1:" + port;
            made = ClientRegistration.withRegistrationId(ConsoleRoles.REGISTRATION_ID)
                    .clientId(CLIENT_ID)
                    .clientSecret(secrets.secretOf(CLIENT_ID))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                    .authorizationUri("/oauth2/authorize")
                    .tokenUri(issuer + "/oauth2/token")
                    .jwkSetUri(issuer + "/oauth2/jwks")
                    .issuerUri(issuer)
                    .userNameAttributeName(IdTokenClaimNames.SUB)
                    .clientName("Accord (embedded)")
                    .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                    .build();
            registration = made;
        }
        return made;
    }
}
