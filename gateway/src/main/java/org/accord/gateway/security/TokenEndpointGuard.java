package org.accord.gateway.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.accord.gateway.web.ProblemCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the embedded authorization server's token endpoint: each request is taken from its source address's token
 * bucket ({@code RATE_LIMITED}), a client that has failed to authenticate too often must wait or is locked
 * ({@code LOCKED_OUT}), and each answer is counted: {@code 401} (the client's authentication failed) as a failure of
 * that client id, a token issued as a success.
 */
public final class TokenEndpointGuard extends OncePerRequestFilter {

    static final String TOKEN_ENDPOINT = "/oauth2/token";
    static final String KIND = "client authentication";

    private final RateLimits limits;
    private final FailedAttempts attempts;
    private final ProblemSecurityHandlers problems;

    public TokenEndpointGuard(RateLimits limits, FailedAttempts attempts, ProblemSecurityHandlers problems) {
        this.limits = limits;
        this.attempts = attempts;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !TOKEN_ENDPOINT.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = limits.takeForAddress(request.getRemoteAddr());
        if (wait.isPresent()) {
            ClientRateLimitFilter.tooMany(request, response, problems, ProblemCode.RATE_LIMITED, wait.get(),
                    "Too many token requests from this address.");
            return;
        }
        String clientId = clientId(request);
        if (clientId != null) {
            Optional<Duration> locked = attempts.waitBefore("client:" + clientId);
            if (locked.isPresent()) {
                attempts.refusedWhileWaiting(clientId, KIND);
                ClientRateLimitFilter.tooMany(request, response, problems, ProblemCode.LOCKED_OUT, locked.get(),
                        "Too many failed client authentications; try again later.");
                return;
            }
        }
        chain.doFilter(request, response);
        if (clientId == null) {
            return;
        }
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            attempts.failed("client:" + clientId, clientId, KIND);
        }
        else if (response.getStatus() == HttpStatus.OK.value()) {
            attempts.succeeded("client:" + clientId);
        }
    }

    /** The client id of a token request: from HTTP Basic ({@code client_secret_basic}) or the form ({@code client_secret_post}). */
    static String clientId(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon <= 0 ? null : bounded(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
            }
            catch (IllegalArgumentException e) {
                return null;
            }
        }
        return bounded(request.getParameter("client_id"));
    }

    /**
     * Client ids and user names are short and plain; a long one is cut and anything but letters, digits and
     * {@code . _ - @} replaced, so a caller cannot fill memory or forge log lines with one.
     */
    static String bounded(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String cut = name.length() > 100 ? name.substring(0, 100) : name;
        return cut.replaceAll("[^A-Za-z0-9._@-]", "_");
    }
}
