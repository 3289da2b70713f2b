package org.accord.gateway.partner;

import java.nio.file.Path;
import java.util.Map;

import org.accord.gateway.crypto.KeyAlgorithm;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param directory where demo key material is made and kept (demo mode only)
 * @param keyAlgorithm key type for newly made demo keys
 * @param signingKey PEM PKCS#8 private key the gateway signs with (production)
 * @param signingCertificate PEM certificate chain of the signing key, leaf first (production)
 */
@ConfigurationProperties("accord.pki")
public record PkiProperties(Path directory, KeyAlgorithm keyAlgorithm, Path signingKey, Path signingCertificate) {

    public PkiProperties {
        keyAlgorithm = keyAlgorithm == null ? KeyAlgorithm.EC_P256 : keyAlgorithm;
    }
}
