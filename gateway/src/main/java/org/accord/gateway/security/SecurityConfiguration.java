package org.accord.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API is a stateless OAuth2 resource server: every route needs a bearer token and names the scope it
 * needs; anything not listed is denied, and each client is held to its rate limit. The actuator is open only for
 * the probes' status (health, liveness, readiness, without details); metrics and health details need a token with
 * {@code metrics:read}. The OpenAPI document and its viewer are public on purpose (docs/security.md).
 * {@code /api/v1/inbound}, which also takes a partner's TLS client certificate, has its own chain (inbound).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** How long a verified bearer token is remembered at most (never past its expiry), and how many at once. */
    static final Duration REMEMBER_VERIFIED_TOKEN = Duration.ofMinutes(5);
    static final long MAXIMUM_VERIFIED_TOKENS = 10_000;

    /** The actuator paths open to anyone: the overall status and the probes, never their details. */
    public static final String[] OPEN_HEALTH = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"};

    @Bean
    RateLimits rateLimits(RateLimitProperties properties, Clock clock, ApplicationEventPublisher events) {
        return new RateLimits(properties, clock, events);
    }

    @Bean
    FailedAttempts failedAttempts(LockoutProperties properties, Clock clock, ApplicationEventPublisher events) {
        return new FailedAttempts(properties, clock, events);
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, JwtDecoder decoder, Clock clock, RateLimits limits,
            SecurityProperties security) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/records").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/transfers/*", "/api/v1/transfers/*/receipt").hasAuthority(Scopes.authority(Scopes.TRANSFERS_READ))
                        .requestMatchers(HttpMethod.POST, "/api/v1/transfers/*/resend").hasAuthority(Scopes.authority(Scopes.DELIVERY_RESEND))
                        .requestMatchers("/api/v1/mailbox", "/api/v1/mailbox/**").hasAuthority(Scopes.authority(Scopes.MAILBOX))
                        .requestMatchers("/api/v1/inbox", "/api/v1/inbox/**").hasAuthority(Scopes.authority(Scopes.INBOX))
                        .requestMatchers(HttpMethod.POST, "/api/v1/emergency-disclosures").hasAuthority(Scopes.authority(Scopes.EMERGENCY_DISCLOSE))
                        .requestMatchers(HttpMethod.GET, "/api/v1/emergency-disclosures").hasAuthority(Scopes.authority(Scopes.AUDIT_READ))
                        .requestMatchers("/api/v1/audit/**").hasAuthority(Scopes.authority(Scopes.AUDIT_READ))
                        .requestMatchers(HttpMethod.GET, "/api/v1/retention").hasAuthority(Scopes.authority(Scopes.AUDIT_READ))
                        .requestMatchers("/api/v1/agreements", "/api/v1/agreements/**").hasAuthority(Scopes.authority(Scopes.AGREEMENTS_READ))
                        .anyRequest().denyAll());
        return bearerTokenChain(http, problems, decoder, clock, limits, security);
    }

    @Bean
    @Order(5)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, JsonMapper json, JwtDecoder decoder, Clock clock, RateLimits limits,
            SecurityProperties security) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        http.securityMatcher("/actuator", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, OPEN_HEALTH).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**",
                                "/actuator/health/**").hasAuthority(Scopes.authority(Scopes.METRICS_READ))
                        .anyRequest().denyAll());
        return bearerTokenChain(http, problems, decoder, clock, limits, security);
    }

    /** The rest of a chain whose callers present bearer tokens: verification, rate limits, problems, headers. */
    private static SecurityFilterChain bearerTokenChain(HttpSecurity http, ProblemSecurityHandlers problems, JwtDecoder decoder,
            Clock clock, RateLimits limits, SecurityProperties security) throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(decoder, clock, REMEMBER_VERIFIED_TOKEN, MAXIMUM_VERIFIED_TOKENS);
        http.oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterBefore(new ClientRateLimitFilter(limits, problems, security), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        SecurityHeaders.api(http);
        return http.build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain operationsSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // The error page is rendered for a failed request, never asked for directly.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().denyAll())
                .csrf(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    WebMvcConfigurer callerArgument(CallerResolver resolver) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }
        };
    }
}
