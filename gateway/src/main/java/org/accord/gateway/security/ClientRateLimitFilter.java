package org.accord.gateway.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.accord.gateway.web.ProblemCode;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes each authenticated API request from its client's token bucket, before the request is authorised; a client
 * over its limit is answered {@code 429} with {@code Retry-After} and the code {@code RATE_LIMITED}. A request without
 * a verified caller passes on, to be refused as unauthenticated.
 */
public final class ClientRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final ProblemSecurityHandlers problems;
    private final SecurityProperties security;

    public ClientRateLimitFilter(RateLimits limits, ProblemSecurityHandlers problems, SecurityProperties security) {
        this.limits = limits;
        this.problems = problems;
        this.security = security;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String clientId = clientOf(authentication);
        if (clientId != null) {
            Optional<Duration> wait = limits.takeForClient(clientId, security.clients().get(clientId));
            if (wait.isPresent()) {
                tooMany(request, response, problems, ProblemCode.RATE_LIMITED, wait.get(),
                        "This client has sent more requests than its rate limit allows.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The client an authentication speaks for: the token's client, or the partner a client certificate names. */
    static String clientOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            return CallerResolver.clientId(jwt);
        }
        return authentication.getName();
    }

    /** Answers {@code 429} with {@code Retry-After} (whole seconds, at least one) and the problem {@code code}. */
    static void tooMany(HttpServletRequest request, HttpServletResponse response, ProblemSecurityHandlers problems,
            ProblemCode code, Duration wait, String detail) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, code, detail, Map.of("retryAfterSeconds", seconds));
    }
}
