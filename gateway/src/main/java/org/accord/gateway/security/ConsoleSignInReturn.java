package org.accord.gateway.security;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.util.HtmlUtils;

/**
 * Lets the console's sign-in come back from an identity provider on another site although the session cookie is
 * {@code SameSite=Strict}. A browser does not send a Strict cookie on the provider's redirect back, nor on any redirect
 * that follows it, so:
 * <ul>
 * <li>the pending authorization request (state, nonce, PKCE verifier) is kept in this gateway's memory under a random
 * id, and the id in its own short-lived cookie, {@code HttpOnly}, {@code SameSite=Lax} (sent on that top-level
 * redirect back, not on a cross-site post or fetch), {@code Secure} under TLS, for the callback path only;</li>
 * <li>a sign-in that arrived without the session cookie continues to the console with a page that refreshes to it,
 * a navigation of the console's own site, on which the new session cookie is sent.</li>
 * </ul>
 * With the provider on the console's own site (the embedded demo) the session cookie comes back and the usual redirect is
 * sent. Like the session, a pending sign-in lives in one gateway's memory.
 */
public final class ConsoleSignInReturn implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "ACCORD_SIGN_IN";
    static final String CALLBACK_PATH = "/login/oauth2/code";
    static final Duration PENDING_FOR = Duration.ofMinutes(10);

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, OAuth2AuthorizationRequest> pending = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(PENDING_FOR).build();

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String id = cookie(request);
        return id == null ? null : pending.getIfPresent(id);
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
            HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(id, authorizationRequest);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, id, PENDING_FOR).toString());
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
        String id = cookie(request);
        if (id == null) {
            return null;
        }
        OAuth2AuthorizationRequest removed = pending.asMap().remove(id);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
        return removed;
    }

    /** After sign-in: the page asked for (or {@code defaultTarget}), by redirect, or by a refreshing page when needed. */
    public AuthenticationSuccessHandler successHandler(String defaultTarget, RequestCache requestCache) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl(defaultTarget);
        handler.setRequestCache(requestCache);
        RedirectStrategy redirect = new DefaultRedirectStrategy();
        handler.setRedirectStrategy((request, response, url) -> {
            if (request.getRequestedSessionId() != null) {
                redirect.sendRedirect(request, response, url);
                return;
            }
            refreshTo(request, response, url);
        });
        return handler;
    }

    private static void refreshTo(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        String target = url.startsWith("/") && !url.startsWith("//") ? request.getContextPath() + url : request.getContextPath() + "/console";
        String escaped = HtmlUtils.htmlEscape(target);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signed in</title>"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + escaped + "\"></head><body><p><a href=\"" + escaped
                + "\">Continue to the console</a></p></body></html>");
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .path(request.getContextPath() + CALLBACK_PATH).maxAge(maxAge).build();
    }
}
