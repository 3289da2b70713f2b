package org.accord.gateway.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The DPO console: a browser session signed in with OpenID Connect (the embedded authorization server by
 * default, the institution's identity provider in production), CSRF protection on, and role checks per page.
 * Without a client registration for {@code accord} the console is closed.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    static final String AUTHORIZATION_BASE = "/oauth2/authorization";

    @Bean
    @Order(4)
    SecurityFilterChain consoleSecurity(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
            ConsoleProperties properties, @Value("${accord.security.embedded-authorization-server:false}") boolean embedded)
            throws Exception {
        http.securityMatcher("/console", "/console/**", "/login/oauth2/code/**", AUTHORIZATION_BASE + "/**", "/webjars/**", "/assets/**");
        SecurityHeaders.browserPages(http);
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository == null) {
            http.authorizeHttpRequests(auth -> auth.anyRequest().denyAll());
            return http.build();
        }
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(repository, AUTHORIZATION_BASE);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        // The authorization server's sign-in keeps its own saved request in the same session; the console keeps
        // the page it was asked for under another name, so the reader lands on it after signing in.
        // The session cookie is SameSite=Strict: see ConsoleSignInReturn for how the sign-in still comes back.
        ConsoleSignInReturn signInReturn = new ConsoleSignInReturn();
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setSessionAttrName("ACCORD_CONSOLE_SAVED_REQUEST");
        http.requestCache(cache -> cache.requestCache(requestCache))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/webjars/**", "/assets/**", "/console/signed-out", "/console/sign-in-failed").permitAll()
                        // Subject access requests are the DPO's alone.
                        .requestMatchers("/console/subjects", "/console/subjects/**").hasRole(ConsoleRoles.DPO)
                        .requestMatchers("/console/retention").hasRole(ConsoleRoles.DPO)
                        // Reviewing emergency disclosures is the DPO's duty.
                        .requestMatchers("/console/emergency", "/console/emergency/**").hasRole(ConsoleRoles.DPO)
                        .requestMatchers("/console", "/console/**").hasAnyRole(ConsoleRoles.DPO, ConsoleRoles.ADMIN)
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .clientRegistrationRepository(repository)
                        .loginPage(AUTHORIZATION_BASE + "/" + ConsoleRoles.REGISTRATION_ID)
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver).authorizationRequestRepository(signInReturn))
                        .userInfoEndpoint(u -> u.userAuthoritiesMapper(new ConsoleRoles(properties)))
                        .successHandler(signInReturn.successHandler("/console", requestCache))
                        .failureUrl("/console/sign-in-failed"))
                .exceptionHandling(e -> e.authenticationEntryPoint(signIn(embedded)))
                .logout(logout -> logout.logoutUrl("/console/sign-out").logoutSuccessUrl("/console/signed-out"));
        return http.build();
    }

    /**
     * Sends a browser that is not signed in to the identity provider. The embedded authorization server accepts
     * loopback redirects by address only (RFC 8252 s.8.3), so a browser on {@code localhost} is first moved to
     * {@code 127.0.0.1}, where the whole sign-in then keeps one session.
     */
    private static AuthenticationEntryPoint signIn(boolean embedded) {
        AuthenticationEntryPoint toProvider = new LoginUrlAuthenticationEntryPoint(AUTHORIZATION_BASE + "/" + ConsoleRoles.REGISTRATION_ID);
        if (!embedded) {
            return toProvider;
        }
        return (request, response, e) -> {
            if ("localhost".equalsIgnoreCase(request.getServerName())) {
                response.sendRedirect(ServletUriComponentsBuilder.fromRequest(request).host("127.0.0.1").build().toUriString());
                return;
            }
            toProvider.commence(request, response, e);
        };
    }

    @Bean
    @ConditionalOnProperty(name = "accord.security.embedded-authorization-server", havingValue = "true")
    ClientRegistrationRepository embeddedConsoleClient(Environment environment, DemoClients secrets) {
        return new EmbeddedConsoleClient(environment, secrets);
    }
}
