package org.accord.gateway.inbound;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.accord.gateway.security.ClientRateLimitFilter;
import org.accord.gateway.security.ProblemSecurityHandlers;
import org.accord.gateway.security.RateLimits;
import org.accord.gateway.security.SecurityHeaders;
import org.accord.gateway.security.SecurityProperties;
import org.accord.gateway.security.Scopes;
import org.accord.gateway.web.ApiProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationProvider;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security chain of {@code POST /api/v1/inbound}, ahead of the general API chain: Spring Security's x509
 * authentication maps a TLS client certificate (requested on the inbound HTTPS listener, see
 * {@link InboundTlsConfiguration}) to a partner; a bearer token is checked as on the rest of the API. Either
 * proof, the certificate or a token with scope {@code inbound}, lets the request through; {@link InboundCallers}
 * then requires both to name one organisation when both came. A refused certificate without a token is answered
 * {@code CLIENT_CERTIFICATE_REFUSED} with its reason, and logged.
 */
@Configuration(proxyBeanMethods = false)
class InboundSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain inboundSecurity(HttpSecurity http, JsonMapper json, PartnerCertificates certificates, InboundCallers callers,
            ObjectProvider<InboundTlsConfiguration.InboundTlsListener> listener, RateLimits limits, SecurityProperties security)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        AuthenticationEntryPoint entryPoint = (request, response, e) -> refuse(request, response, e, problems, callers);
        PreAuthenticatedAuthenticationProvider provider = new PreAuthenticatedAuthenticationProvider();
        provider.setPreAuthenticatedUserDetailsService(certificates);
        PartnerCertificateFilter filter = new PartnerCertificateFilter(() -> {
            InboundTlsConfiguration.InboundTlsListener inbound = listener.getIfAvailable();
            return inbound == null ? -2 : inbound.port();
        });
        filter.setAuthenticationManager(new ProviderManager(provider));
        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        http.securityMatcher("/api/v1/inbound")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .x509(x509 -> x509.x509AuthenticationFilter(filter).authenticationUserDetailsService(certificates))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/inbound")
                        .hasAnyAuthority(Scopes.authority(Scopes.INBOUND), PartnerCertificates.AUTHORITY)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(problems))
                .addFilterBefore(new ClientRateLimitFilter(limits, problems, security), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(problems));
        SecurityHeaders.api(http);
        return http.build();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException e,
            ProblemSecurityHandlers problems, InboundCallers callers) throws IOException {
        if (request.getAttribute(PartnerCertificateFilter.REFUSAL) instanceof String code) {
            ApiProblemException problem = callers.certificateRefused(code, "tls:unidentified", null);
            problems.write(request, response, problem.code(), problem.getMessage(), problem.properties());
            return;
        }
        problems.commence(request, response, e);
    }
}
