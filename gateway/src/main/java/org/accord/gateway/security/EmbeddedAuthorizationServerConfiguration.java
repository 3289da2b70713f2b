package org.accord.gateway.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.accord.gateway.crypto.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The embedded OAuth2 authorization server used when no external identity provider is configured:
 * client-credentials tokens for the demo clients, signed with an RSA key made at first start, and OpenID
 * Connect sign-in for the console's demo users ({@code dpo}, {@code admin}) on its own form. In production
 * it is switched off ({@code accord.security.embedded-authorization-server=false}) and the resource server
 * trusts the institution's issuer instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "accord.security.embedded-authorization-server", havingValue = "true")
public class EmbeddedAuthorizationServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAuthorizationServerConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http, RateLimits limits, FailedAttempts attempts, JsonMapper json)
            throws Exception {
        SecurityHeaders.api(http);
        http.addFilterAfter(new TokenEndpointGuard(limits, attempts, new ProblemSecurityHandlers(json)), SecurityContextHolderFilter.class);
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                // A token request without client credentials gets 401; a browser sent to /oauth2/authorize without a
                // session signs in on the form at /login.
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                request -> TokenEndpointGuard.TOKEN_ENDPOINT.equals(request.getRequestURI().substring(request.getContextPath().length())))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(DemoUsers.LOGIN_PAGE),
                                new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** The embedded authorization server's own sign-in form, for the demo console users. */
    @Bean
    @Order(3)
    SecurityFilterChain authorizationServerLogin(HttpSecurity http, FailedAttempts attempts, ConsoleProperties console)
            throws Exception {
        ConsoleSignInGuard guard = new ConsoleSignInGuard(attempts, console.demoUsers().keySet());
        SecurityHeaders.browserPages(http);
        http.securityMatcher(DemoUsers.LOGIN_PAGE)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .addFilterBefore(guard, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage(DemoUsers.LOGIN_PAGE)
                        .successHandler(guard.successHandler("/console"))
                        .failureHandler(guard.failureHandler()));
        return http.build();
    }

    @Bean
    DemoUsers demoUsers(ConsoleProperties console, @Value("${accord.data-dir}") Path dataDir) {
        DemoUsers users = DemoUsers.ensure(dataDir.resolve("demo").resolve("users.properties"), console.demoUsers());
        console.demoUsers().forEach((name, roles) -> log.info("Demo console user name={} roles={} (password in {})", name, roles, users.file()));
        return users;
    }

    @Bean
    UserDetailsService demoUserDetails(DemoUsers users) {
        return users.userDetails();
    }

    /** Puts the signed-in user's console roles into the ID token, where the console reads them. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> consoleRolesInIdToken(ConsoleProperties console,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences:}") List<String> audiences) {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims().claim(console.rolesClaim(), DemoUsers.rolesOf(context.getPrincipal()));
            }
            // With an audience configured the gateway checks it; its own demo tokens are made for it.
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) && !audiences.isEmpty()) {
                context.getClaims().audience(audiences);
            }
        };
    }

    @Bean
    DemoClients demoClients(SecurityProperties properties, @Value("${accord.data-dir}") Path dataDir,
            @Value("${accord.demo.enabled}") boolean demoEnabled) {
        if (!demoEnabled) {
            throw new IllegalStateException("The embedded authorization server only serves demo clients; "
                    + "set accord.security.embedded-authorization-server=false and configure an issuer.");
        }
        List<String> ids = new ArrayList<>(properties.demoClients().keySet());
        ids.add(EmbeddedConsoleClient.CLIENT_ID);
        return DemoClients.ensure(dataDir.resolve("demo").resolve("clients.properties"), ids);
    }

    @Bean
    RegisteredClientRepository registeredClients(SecurityProperties properties, DemoClients secrets, ConsoleProperties console) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<RegisteredClient> clients = new ArrayList<>();
        properties.demoClients().forEach((id, scopes) -> clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(id.getBytes()).toString())
                .clientId(id)
                .clientSecret(encoder.encode(secrets.secretOf(id)))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(scopes))
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(10)).build())
                .build()));
        properties.demoClients().forEach((id, scopes) -> log.info(
                "Demo client id={} organisation={} scopes={} (secret in {})", id, properties.clients().get(id), scopes, secrets.file()));
        clients.add(EmbeddedConsoleClient.registeredClient(secrets, encoder, console.redirectUris()));
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    RSAKey tokenSigningKey(@Value("${accord.pki.directory}") Path pkiDir) {
        return loadOrCreate(pkiDir.resolve("token-signing.jwk.json"));
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey tokenSigningKey) {
        return new ImmutableJWKSet<>(new JWKSet(tokenSigningKey));
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey tokenSigningKey, @Value("${spring.security.oauth2.resourceserver.jwt.audiences:}") List<String> audiences)
            throws JOSEException {
        RSAPublicKey publicKey = tokenSigningKey.toRSAPublicKey();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey).build();
        if (!audiences.isEmpty()) {
            // As Spring Boot does for an external issuer: a token must name one of the configured audiences.
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                    new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
        }
        return decoder;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    private static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            SecretFiles.createOwnerOnly(file);
            Files.writeString(file, key.toJSONString());
            log.info("Made the embedded authorization server's token signing key at {}", file);
            return key;
        }
        catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot load or create the token signing key " + file, e);
        }
    }
}
