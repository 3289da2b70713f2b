package org.accord.identity;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server with OpenID Connect: the protocol endpoints (token, authorize, JWKS, discovery,
 * user info) on one filter chain, and the sign-in form for console users on another. Access tokens are RS256 JWTs
 * carrying {@code iss}, {@code sub}, {@code client_id}, {@code scope} and {@code exp}; ID tokens carry the
 * user's roles. The issuer is fixed by {@code spring.security.oauth2.authorizationserver.issuer}, because a
 * gateway trusts tokens whose {@code iss} is exactly the issuer it was given.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String LOGIN_PAGE = "/login";
    private static final String CLIENT_ID_CLAIM = "client_id";
    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http, AuthorizationServerSettings settings,
            IdentityProviderProperties properties) throws Exception {
        requireIssuer(settings);
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(
                            context -> userInfo(context, properties.rolesClaim()))));
                })
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                // The user info endpoint takes the console's access token.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                // A browser sent to /oauth2/authorize without a session signs in on the form first.
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** Spring Security's sign-in form for console users; nothing else is served. */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/error").permitAll().anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProviderProperties properties, AuthorizationServerSettings settings) {
        List<RegisteredClient> clients = ConfiguredClients.from(properties);
        log.info("Identity provider issuer={} access-token-time-to-live={}", settings.getIssuer(), properties.accessTokenTimeToLive());
        for (RegisteredClient client : clients) {
            log.info("Client id={} grants={} scopes={} redirect-uris={}", client.getClientId(),
                    client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList(),
                    client.getScopes().stream().sorted().toList(), client.getRedirectUris().stream().sorted().toList());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    UserDetailsService consoleUsers(IdentityProviderProperties properties) {
        new TreeMap<>(properties.users()).forEach((name, user) -> log.info("Console user name={} roles={}", name, user.roles()));
        return ConsoleUsers.from(properties);
    }

    /** Client secrets and user passwords are configured as bcrypt hashes ({@link SecretHashes}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    RSAKey tokenSigningKey(IdentityProviderProperties properties) {
        RSAKey key = SigningKeyFile.loadOrCreate(properties.signingKey());
        log.info("Token signing key kid={} file={}", key.getKeyID(), properties.signingKey());
        return key;
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey tokenSigningKey) {
        return new ImmutableJWKSet<>(new JWKSet(tokenSigningKey));
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new ExpiringAuthorizationService(Clock.systemUTC());
    }

    /**
     * Names the client in every access token ({@code client_id}, RFC 9068 s.2.2, which the gateway reads first)
     * and puts a console user's roles in the ID token.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accordClaims(IdentityProviderProperties properties) {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().claim(CLIENT_ID_CLAIM, context.getRegisteredClient().getClientId());
            }
            else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims().claim(properties.rolesClaim(), ConsoleUsers.rolesOf(context.getPrincipal()));
            }
        };
    }

    /** The user info answer: the subject and the roles claim from the ID token. */
    private static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context, String rolesClaim) {
        OidcIdToken idToken = context.getAuthorization().getToken(OidcIdToken.class).getToken();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(StandardClaimNames.SUB, idToken.getSubject());
        Object roles = idToken.getClaims().get(rolesClaim);
        if (roles != null) {
            claims.put(rolesClaim, roles);
        }
        return new OidcUserInfo(claims);
    }

    private static void requireIssuer(AuthorizationServerSettings settings) {
        if (settings.getIssuer() == null || settings.getIssuer().isBlank()) {
            throw new IllegalStateException("Set spring.security.oauth2.authorizationserver.issuer to the address "
                    + "gateways reach this provider at (for example https://127.0.0.1:9000): "
                    + "a gateway accepts only tokens whose iss is exactly its issuer-uri");
        }
    }
}
