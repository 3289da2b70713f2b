package org.accord.gateway.inbound;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.accord.gateway.partner.PartnerDirectory;
import org.accord.gateway.partner.TlsClientIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * For Spring Security's x509 authentication: turns the TLS client certificate chain a partner presented into
 * that partner, as the partner directory decides ({@link PartnerDirectory#tlsClient}), with the authority
 * {@link #AUTHORITY}. A certificate that is untrusted, expired or no partner's fails with its code.
 */
@Component
final class PartnerCertificates implements AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> {

    /** The authority of a request authenticated by a partner's TLS client certificate. */
    static final String AUTHORITY = "PARTNER_TLS_CLIENT";

    private static final Logger log = LoggerFactory.getLogger(PartnerCertificates.class);

    private final PartnerDirectory directory;
    private final Clock clock;

    PartnerCertificates(PartnerDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserDetails(PreAuthenticatedAuthenticationToken token) {
        if (!(token.getCredentials() instanceof List<?> chain) || chain.isEmpty()
                || !chain.stream().allMatch(X509Certificate.class::isInstance)) {
            throw new Refused(TlsClientIdentity.UNTRUSTED);
        }
        List<X509Certificate> certificates = chain.stream().map(X509Certificate.class::cast).toList();
        TlsClientIdentity identity = directory.tlsClient(certificates, clock.instant());
        if (identity instanceof TlsClientIdentity.Refused refused) {
            log.warn("TLS client certificate refused code={} sha256={}", refused.code(), token.getPrincipal());
            throw new Refused(refused.code());
        }
        String organisation = ((TlsClientIdentity.Partner) identity).organisation();
        return User.withUsername(organisation).password("").authorities(new SimpleGrantedAuthority(AUTHORITY)).build();
    }

    /** A TLS client certificate that does not identify a partner, with the stable code saying why. */
    static final class Refused extends AuthenticationException {

        private final String code;

        Refused(String code) {
            super(code);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
