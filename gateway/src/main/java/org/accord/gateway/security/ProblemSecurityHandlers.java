package org.accord.gateway.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.accord.gateway.web.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers authentication and authorisation failures on the API as problem details, keeping the standard
 * {@code WWW-Authenticate} header, and logs each refusal with its code and path (never the token).
 */
public final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);

    private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler deniedHandler = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;

    public ProblemSecurityHandlers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        entryPoint.commence(request, response, e);
        log.info("Refused API request code=UNAUTHENTICATED method={} path={}", request.getMethod(), request.getRequestURI());
        write(request, response, ProblemCode.UNAUTHENTICATED, "A valid bearer token is required.", Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        deniedHandler.handle(request, response, e);
        log.info("Refused API request code=INSUFFICIENT_SCOPE method={} path={}", request.getMethod(), request.getRequestURI());
        write(request, response, ProblemCode.INSUFFICIENT_SCOPE, "The token does not allow this operation.", Map.of());
    }

    /** Answers with a problem of {@code code}, with {@code extra} members (a reason code, a refusal id). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code, String detail,
            Map<String, Object> extra) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://accord.example/problems/" + code.name().toLowerCase().replace('_', '-'));
        body.put("title", code.title());
        body.put("status", code.status().value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("code", code.name());
        body.putAll(extra);
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
