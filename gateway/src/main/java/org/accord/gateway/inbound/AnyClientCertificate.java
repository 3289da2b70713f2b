package org.accord.gateway.inbound;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

/**
 * The inbound HTTPS listener's trust manager: the TLS handshake accepts any client certificate whose private
 * key the client proves to hold, so that the decision whether it belongs to a partner is taken after the
 * handshake, where a refusal can be answered with a code and logged ({@link PartnerCertificates}: it must chain
 * to a partner trust anchor, be valid now and be the partner's certificate in the directory). Tomcat makes it by
 * its class name. Never used to trust a server.
 */
public final class AnyClientCertificate implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // Trust is decided by PartnerCertificates once the request is read; see the class comment.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a trust manager for servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
