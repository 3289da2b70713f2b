package org.accord.partner;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.accord.gateway.crypto.Pem;
import picocli.CommandLine.Option;

/** The partner's own key and certificate, and the CA certificate that issued the gateway's: shared options. */
final class PartnerKeys {

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "your private key (PEM, PKCS#8 or OpenSSL form)")
    Path key;

    @Option(names = "--cert", required = true, paramLabel = "FILE", description = "your certificate (PEM)")
    Path cert;

    @Option(names = "--ca", required = true, paramLabel = "FILE", description = "the CA certificate that issued the gateway's signing certificate (PEM)")
    Path ca;

    PrivateKey privateKey() {
        return Pem.readPrivateKey(key);
    }

    X509Certificate certificate() {
        return Pem.readCertificate(cert);
    }

    List<X509Certificate> trustAnchors() {
        return List.of(Pem.readCertificate(ca));
    }
}
