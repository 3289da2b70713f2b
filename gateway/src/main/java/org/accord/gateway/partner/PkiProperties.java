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
 * @param pkcs11 the signing key in a PKCS#11 token (a hardware security module) instead of a file
 */
@ConfigurationProperties("accord.pki")
public record PkiProperties(Path directory, KeyAlgorithm keyAlgorithm, Path signingKey, Path signingCertificate,
        Path keystore, String keystorePassword, String keystoreAlias, List<Path> previousSigningCertificates,
        List<Path> trustAnchors, Duration expiryWarning, Pkcs11 pkcs11) {

    public PkiProperties {
        keyAlgorithm = keyAlgorithm == null ? KeyAlgorithm.EC_P256 : keyAlgorithm;
        previousSigningCertificates = previousSigningCertificates == null ? List.of() : List.copyOf(previousSigningCertificates);
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
        expiryWarning = expiryWarning == null ? Duration.ofDays(60) : expiryWarning;
    }

    /** Whether the signing key is to be taken from a PKCS#11 token. */
    public boolean usesPkcs11() {
        return pkcs11 != null && pkcs11.library() != null;
    }

    @Override
    public String toString() {
        return "PkiProperties[directory=" + directory + ", keystore=" + keystore + ", alias=" + keystoreAlias
                + ", pkcs11=" + pkcs11 + "]";
    }

    /**
     * The gateway's key in a PKCS#11 token: it signs (messages, receipts, log checkpoints) and opens inbound
     * messages there, and never leaves it.
     *
     * @param library the token's PKCS#11 module, for example {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot the token's slot id; or else
     * @param tokenLabel the token's label (found with OpenSC's {@code pkcs11-tool})
     * @param pin the user PIN, best given as the file {@code accord/pki/pkcs11/pin} under {@code accord.secrets-dir}
     * @param keyLabel the label of the private key, beside a certificate with the same id
     */
    public record Pkcs11(Path library, Long slot, String tokenLabel, String pin, String keyLabel) {

        @Override
        public String toString() {
            return "Pkcs11[library=" + library + ", slot=" + slot + ", tokenLabel=" + tokenLabel + ", keyLabel=" + keyLabel + "]";
        }
    }
}
