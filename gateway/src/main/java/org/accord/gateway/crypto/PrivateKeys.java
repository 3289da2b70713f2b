package org.accord.gateway.crypto;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a private key is and which provider may use it. A key held in a PKCS#11 token ({@link Pkcs11Token})
 * is an opaque handle: it is not an {@code ECKey} or {@code RSAKey} and only the token's provider can sign
 * or decrypt with it, so the type is read from {@link PrivateKey#getAlgorithm()} and the provider from the
 * token that handed the key out. Every other key is used with Bouncy Castle.
 */
final class PrivateKeys {

    private static final Map<PrivateKey, Provider> TOKEN_KEYS = Collections.synchronizedMap(new IdentityHashMap<>());

    private PrivateKeys() {
    }

    static boolean isEc(PrivateKey key) {
        return "EC".equals(key.getAlgorithm()) || "ECDSA".equals(key.getAlgorithm());
    }

    static boolean isRsa(PrivateKey key) {
        return "RSA".equals(key.getAlgorithm());
    }

    /** SHA-256 with ECDSA or with RSA PKCS#1 v1.5, from the key's type. */
    static String signatureAlgorithm(PrivateKey key) {
        if (isEc(key)) {
            return "SHA256withECDSA";
        }
        if (isRsa(key)) {
            return "SHA256withRSA";
        }
        throw new IllegalArgumentException("signing key must be EC or RSA, was " + key.getAlgorithm());
    }

    static void registerTokenKey(PrivateKey key, Provider token) {
        TOKEN_KEYS.put(key, token);
    }

    /** The PKCS#11 provider of a key held in a token, or empty for a key in memory. */
    static Optional<Provider> token(PrivateKey key) {
        return Optional.ofNullable(TOKEN_KEYS.get(key));
    }

    /** The provider that performs private-key operations with {@code key}. */
    static Provider provider(PrivateKey key) {
        return token(key).orElseGet(() -> Security.getProvider(BouncyCastle.provider()));
    }
}
