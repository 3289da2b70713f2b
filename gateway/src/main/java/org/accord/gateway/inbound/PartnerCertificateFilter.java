package org.accord.gateway.inbound;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.IntSupplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.accord.gateway.crypto.Fingerprints;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;

/**
 * Spring Security's x509 filter for the inbound endpoint: the whole client certificate chain goes to
 * {@link PartnerCertificates} (the principal is the leaf's SHA-256), and the result stays on the request, so
 * that a bearer token authenticated afterwards can be checked against the same organisation, and a refused
 * certificate is answered with its code even when a valid token came with it. Only the inbound HTTPS listener's
 * client certificates count: another connector's TLS client authentication (server.ssl) is its own matter.
 */
final class PartnerCertificateFilter extends X509AuthenticationFilter {

    /** Request attribute: the partner organisation the client certificate identifies. */
    static final String PARTNER = PartnerCertificateFilter.class.getName() + ".partner";
    /** Request attribute: why the client certificate was refused. */
    static final String REFUSAL = PartnerCertificateFilter.class.getName() + ".refusal";

    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final IntSupplier inboundPort;

    /** @param inboundPort the inbound HTTPS listener's port; client certificates on other connectors are not looked at */
    PartnerCertificateFilter(IntSupplier inboundPort) {
        this.inboundPort = inboundPort;
        setPrincipalExtractor(Fingerprints::sha256Hex);
        setContinueFilterChainOnUnsuccessfulAuthentication(true);
    }

    @Override
    protected Object getPreAuthenticatedPrincipal(HttpServletRequest request) {
        return request.getLocalPort() == inboundPort.getAsInt() ? super.getPreAuthenticatedPrincipal(request) : null;
    }

    @Override
    protected Object getPreAuthenticatedCredentials(HttpServletRequest request) {
        return request.getLocalPort() != inboundPort.getAsInt() ? null : request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0 ? List.of(chain) : null;
    }

    @Override
    protected void successfulAuthentication(HttpServletRequest request, HttpServletResponse response, Authentication authResult)
            throws IOException, ServletException {
        request.setAttribute(PARTNER, authResult.getName());
        super.successfulAuthentication(request, response, authResult);
    }

    @Override
    protected void unsuccessfulAuthentication(HttpServletRequest request, HttpServletResponse response, AuthenticationException failed)
            throws IOException, ServletException {
        request.setAttribute(REFUSAL, failed instanceof PartnerCertificates.Refused refused ? refused.code() : "CLIENT_CERTIFICATE_UNTRUSTED");
        super.unsuccessfulAuthentication(request, response, failed);
    }
}
