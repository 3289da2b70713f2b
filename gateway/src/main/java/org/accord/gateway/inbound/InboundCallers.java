package org.accord.gateway.inbound;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.accord.gateway.audit.Ids;
import org.accord.gateway.agreement.Organisation;
import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.TransferFacts;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.security.Caller;
import org.accord.gateway.security.CallerResolver;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who is calling {@code POST /api/v1/inbound}: a partner proven by its TLS client certificate, by an OAuth2
 * token with the {@code inbound} scope, or by both, in which case both must name the same organisation. A
 * client certificate that was presented and refused is refused whatever else came with it (default deny).
 * Each refusal is logged with its code.
 */
@Component
final class InboundCallers {

    static final String ORGANISATION_MISMATCH = "ORGANISATION_MISMATCH";

    private static final Logger log = LoggerFactory.getLogger(InboundCallers.class);

    private final CallerResolver callers;
    private final TransferLog transferLog;

    InboundCallers(CallerResolver callers, TransferLog transferLog) {
        this.callers = callers;
        this.transferLog = transferLog;
    }

    InboundSource resolve(HttpServletRequest request) {
        if (request.getAttribute(PartnerCertificateFilter.REFUSAL) instanceof String code) {
            throw certificateRefused(code, "tls:unidentified", null);
        }
        String certified = request.getAttribute(PartnerCertificateFilter.PARTNER) instanceof String partner ? partner : null;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken)) {
            if (certified == null) {
                throw new ApiProblemException(ProblemCode.UNAUTHENTICATED, "A partner client certificate or a bearer token is required.");
            }
            return new InboundSource(InboundSource.Channel.HTTPS, "tls:" + certified, certified);
        }
        Caller caller = callers.current();
        if (certified != null && !certified.equals(Organisation.organisationOf(caller.organisation()))) {
            throw certificateRefused(ORGANISATION_MISMATCH, caller.clientId(), caller.organisation());
        }
        return new InboundSource(InboundSource.Channel.HTTPS, caller.clientId(), caller.organisation());
    }

    /** Logs a refused client certificate under a new refusal id and returns the problem to answer with. */
    ApiProblemException certificateRefused(String code, String actor, String organisation) {
        String refusalId = Ids.next();
        log.warn("Inbound request refused code={} refusal={} actor={}", code, refusalId, actor);
        transferLog.appendAlone(LogEntry.refusal(refusalId, code, actor, TransferFacts.of(organisation, null, null, null, null),
                "inbound via https: " + (ORGANISATION_MISMATCH.equals(code)
                        ? "the client certificate and the token name different organisations"
                        : "client certificate refused")));
        return new ApiProblemException(ProblemCode.CLIENT_CERTIFICATE_REFUSED, ORGANISATION_MISMATCH.equals(code)
                ? "The client certificate and the token belong to different organisations."
                : "The TLS client certificate is not one this gateway accepts from a partner.",
                Map.of("reason", code, "refusalId", refusalId));
    }
}
