package org.accord.gateway.partner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.accord.gateway.crypto.KeyAlgorithm;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param directory where demo key material is made and kept (demo mode only)
 * @param keyAlgorithm key type for newly made demo keys
 * @param signingKey PEM PKCS#8 private key the gateway signs with (production)
 * @param signingCertificate PEM certificate of the signing key (production)
 * @param keystore PKCS#12 key store holding the signing key and its chain, instead of the two PEM files
 * @param keystorePassword the key store's password (also used for the key entry)
 * @param keystoreAlias the key entry to use; may be left out when the store holds one key
 * @param previousSigningCertificates PEM certificates this gateway signed with before a rotation: still
 *        recognised as this gateway's own signatures, never used to sign
 * @param trustAnchors PEM CA certificates that issue partner certificates (in demo mode the demo CA is added)
 * @param expiryWarning how far ahead certificate expiry is warned about
 */
@ConfigurationProperties("accord.pki")
public record PkiProperties(Path directory, KeyAlgorithm keyAlgorithm, Path signingKey, Path signingCertificate,
        Path keystore, String keystorePassword, String keystoreAlias, List<Path> previousSigningCertificates,
        List<Path> trustAnchors, Duration expiryWarning) {

    public PkiProperties {
        keyAlgorithm = keyAlgorithm == null ? KeyAlgorithm.EC_P256 : keyAlgorithm;
        previousSigningCertificates = previousSigningCertificates == null ? List.of() : List.copyOf(previousSigningCertificates);
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
        expiryWarning = expiryWarning == null ? Duration.ofDays(60) : expiryWarning;
    }

    @Override
    public String toString() {
        return "PkiProperties[directory=" + directory + ", keystore=" + keystore + ", alias=" + keystoreAlias + "]";
    }
}
