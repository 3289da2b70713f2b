package org.accord.gateway.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a certificate chain presented by a peer (a partner's TLS client certificate first, then any
 * intermediates) against trust anchors at a given time, with the JDK's PKIX validator. Revocation is not
 * checked: partners are identified by the exact certificate the directory holds, which is withdrawn by
 * removing it there.
 */
public final class CertificatePaths {

    /** The outcome of a check. */
    public enum Verdict {
        /** The chain leads to a trust anchor and every certificate in it is valid at the time asked. */
        TRUSTED,
        /** No trust anchor issued it, or the chain is broken or unusable. */
        UNTRUSTED,
        /** A certificate in an otherwise trusted chain is outside its validity period. */
        EXPIRED
    }

    private CertificatePaths() {
    }

    public static Verdict check(List<X509Certificate> chain, Collection<X509Certificate> trustAnchors, Instant at) {
        if (chain.isEmpty() || trustAnchors.isEmpty()) {
            return Verdict.UNTRUSTED;
        }
        Set<TrustAnchor> anchors = trustAnchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
        List<X509Certificate> path = chain.stream().filter(c -> !trustAnchors.contains(c)).toList();
        if (path.isEmpty()) {
            return Verdict.UNTRUSTED;
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return Verdict.TRUSTED;
        } catch (CertPathValidatorException e) {
            return e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID ? Verdict.EXPIRED : Verdict.UNTRUSTED;
        } catch (InvalidAlgorithmParameterException e) {
            return Verdict.UNTRUSTED;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX validation is not available", e);
        }
    }
}
