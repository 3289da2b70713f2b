package org.accord.gateway.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;

/**
 * Plain signatures (SHA-256 with ECDSA or RSA PKCS#1 v1.5) with the gateway's key, wherever the key lives: in
 * memory, or in a PKCS#11 token, where only the token's provider can use it.
 */
public final class Signatures {

    private Signatures() {
    }

    /** The JCA name of the signature algorithm {@link #sign} uses with {@code key}. */
    public static String algorithm(PrivateKey key) {
        return PrivateKeys.signatureAlgorithm(Objects.requireNonNull(key, "key"));
    }

    /**
     * @throws GeneralSecurityException if the key (or its token) refuses to sign
     */
    public static byte[] sign(PrivateKey key, byte[] payload) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(algorithm(key), PrivateKeys.provider(key));
        signer.initSign(key);
        signer.update(payload);
        return signer.sign();
    }
}
