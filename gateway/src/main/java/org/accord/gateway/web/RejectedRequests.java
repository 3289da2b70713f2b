package org.accord.gateway.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's firewall refuses before any filter chain (a path that is not normalised, such as one
 * ending in {@code /..}, an encoded slash or a forbidden character) is answered 400 {@code INVALID_PARAMETER} as a
 * problem, like every other refusal, instead of the framework's own error body. Logged by code only: the path is
 * the caller's input.
 */
@Component
public final class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.info("Refused request code={} method={} (rejected by the HTTP firewall)", ProblemCode.INVALID_PARAMETER,
                request.getMethod());
        ProblemCode code = ProblemCode.INVALID_PARAMETER;
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://accord.example/problems/invalid-parameter\",\"title\":\""
                + code.title() + "\",\"status\":" + code.status().value() + ",\"code\":\"" + code.name() + "\"}");
    }
}
