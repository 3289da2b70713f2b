package org.accord.gateway.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The response headers of each kind of answer. Spring Security's defaults stay on: {@code X-Content-Type-Options:
 * nosniff}, {@code X-Frame-Options: DENY}, and {@code Strict-Transport-Security} on every answer to a request that
 * came over TLS (never over plain HTTP, where a browser would ignore it).
 */
public final class SecurityHeaders {

    /**
     * Pages a browser shows (the console and the sign-in form): everything from this gateway only, no inline script
     * or style, no framing, no plugins, forms posted back here only.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /** Headers of the console and sign-in pages and the assets they load. */
    public static void browserPages(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    }

    /**
     * Headers of API and machine answers: never stored by a cache ({@code Cache-Control: no-store}), no referrer,
     * and a policy that lets nothing an answer holds run or be framed if a browser opened it.
     */
    public static void api(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .cacheControl(cache -> cache.disable())
                .addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store"))
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    }
}
