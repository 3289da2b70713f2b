package org.accord.gateway.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;

/** Proves that a private key belongs to a certificate by signing a random challenge with it. */
final class KeyPairCheck {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPairCheck() {
    }

    static boolean matches(PrivateKey key, X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        String algorithm;
        if (PrivateKeys.isEc(key) && publicKey instanceof ECKey) {
            algorithm = "SHA256withECDSA";
        } else if (PrivateKeys.isRsa(key) && publicKey instanceof RSAKey) {
            algorithm = "SHA256withRSA";
        } else {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm, PrivateKeys.provider(key));
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, BouncyCastle.provider());
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
