package org.accord.gateway.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down and then locks console sign-ins on the embedded authorization server's form, per user name: a sign-in
 * posted while the name must wait is not tried and goes back to the form with {@code ?locked} (and a
 * {@code Retry-After}); each failure and success is counted by {@link FailedAttempts}. Logs show a user name only
 * when it is one of the configured users, as {@code user:<name>}; anything else typed is {@code user:unknown}.
 */
public final class ConsoleSignInGuard extends OncePerRequestFilter {

    static final String KIND = "console sign-in";

    private final FailedAttempts attempts;
    private final Set<String> knownUsers;

    public ConsoleSignInGuard(FailedAttempts attempts, Set<String> knownUsers) {
        this.attempts = attempts;
        this.knownUsers = Set.copyOf(knownUsers);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && DemoUsers.LOGIN_PAGE.equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = TokenEndpointGuard.bounded(request.getParameter("username"));
        if (name != null) {
            Optional<Duration> wait = attempts.waitBefore(key(name));
            if (wait.isPresent()) {
                attempts.refusedWhileWaiting(actor(name), KIND);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
                response.sendRedirect(request.getContextPath() + DemoUsers.LOGIN_PAGE + "?locked");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Counts a failed sign-in, then shows the form again with {@code ?error}. */
    public AuthenticationFailureHandler failureHandler() {
        SimpleUrlAuthenticationFailureHandler form = new SimpleUrlAuthenticationFailureHandler(DemoUsers.LOGIN_PAGE + "?error");
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String name = TokenEndpointGuard.bounded(request.getParameter("username"));
            if (name != null) {
                attempts.failed(key(name), actor(name), KIND);
            }
            form.onAuthenticationFailure(request, response, e);
        };
    }

    /** Forgets the user's failures, then continues where the sign-in was asked for (the console by default). */
    public AuthenticationSuccessHandler successHandler(String defaultTarget) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl(defaultTarget);
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            attempts.succeeded(key(TokenEndpointGuard.bounded(authentication.getName())));
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Console users and OAuth2 clients are counted apart, whatever their names. */
    private static String key(String name) {
        return "user:" + name;
    }

    private String actor(String name) {
        return "user:" + (knownUsers.contains(name) ? name : "unknown");
    }
}
