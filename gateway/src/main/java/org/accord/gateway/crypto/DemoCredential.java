package org.accord.gateway.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

record DemoCredential(PrivateKey key, X509Certificate certificate) {

    @Override
    public String toString() {
        return "DemoCredential[" + CertificateIssuer.subject(certificate) + "]";
    }
}
