package org.accord.gateway.inbound;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.accord.gateway.security.ProblemSecurityHandlers;
import org.accord.gateway.web.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The inbound HTTPS listener is published to partners directly, so it serves {@code POST /api/v1/inbound} and
 * nothing else: the rest of the API, the console, the token endpoint, the actuator and the API documents are
 * answered {@code 404 NOT_FOUND} there, before any other filter sees the request.
 */
final class InboundListenerScope extends OncePerRequestFilter {

    static final String INBOUND_PATH = "/api/v1/inbound";

    private static final Logger log = LoggerFactory.getLogger(InboundListenerScope.class);

    private final InboundTlsConfiguration.InboundTlsListener listener;
    private final ProblemSecurityHandlers problems;

    InboundListenerScope(InboundTlsConfiguration.InboundTlsListener listener, ProblemSecurityHandlers problems) {
        this.listener = listener;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getLocalPort() != listener.port();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (INBOUND_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Refused request on the inbound listener code=NOT_FOUND method={} (only {} is served there)", request.getMethod(),
                INBOUND_PATH);
        problems.write(request, response, ProblemCode.NOT_FOUND, "The partners' listener serves only " + INBOUND_PATH + ".", Map.of());
    }
}
