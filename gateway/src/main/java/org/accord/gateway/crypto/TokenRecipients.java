package org.accord.gateway.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.ecc.ECCCMSSharedInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.generators.KDF2BytesGenerator;
import org.bouncycastle.crypto.params.KDFParameters;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.Pack;

/**
 * Recipients whose private key stays in a PKCS#11 token. Bouncy Castle's recipients ask the key's provider for
 * whole CMS algorithms (ECDH with an X9.63 KDF, RSA-OAEP-SHA256) that the JDK's PKCS#11 provider does not offer,
 * so only the private-key step runs in the token: raw ECDH ({@code CKM_ECDH1_DERIVE}) or raw RSA
 * ({@code CKM_RSA_X_509}). The KDF (RFC 5753), OAEP decoding (RFC 8017) and AES key unwrap run here on the
 * per-message secret; the private key never leaves the token.
 */
final class TokenRecipients {

    private static final String BC = BouncyCastle.PROVIDER;

    private static final Map<ASN1ObjectIdentifier, Supplier<Digest>> KDF_DIGESTS = Map.of(
            CMSAlgorithm.ECDH_SHA256KDF, SHA256Digest::new,
            CMSAlgorithm.ECDH_SHA384KDF, SHA384Digest::new,
            CMSAlgorithm.ECDH_SHA512KDF, SHA512Digest::new);

    private static final Map<ASN1ObjectIdentifier, Integer> WRAP_KEY_BITS = Map.of(
            CMSAlgorithm.AES128_WRAP, 128, CMSAlgorithm.AES192_WRAP, 192, CMSAlgorithm.AES256_WRAP, 256);

    private TokenRecipients() {
    }

    /**
     * @param keyAlgorithm the algorithm identifier (with curve) of the key's certificate: a token key cannot be
     *                     encoded, so Bouncy Castle cannot read the curve from the key itself
     */
    static Recipient keyAgree(PrivateKey key, AlgorithmIdentifier keyAlgorithm, Provider token, boolean authenticated) {
        BouncyCastle.provider();
        return authenticated
                ? new AuthEnvelopedEcdh(key, token).setPrivateKeyAlgorithmIdentifier(keyAlgorithm).setProvider(BC)
                : new EnvelopedEcdh(key, token).setPrivateKeyAlgorithmIdentifier(keyAlgorithm).setProvider(BC);
    }

    static Recipient keyTransport(PrivateKey key, RSAPublicKey publicKey, Provider token, boolean authenticated) {
        BouncyCastle.provider();
        int modulusBytes = (publicKey.getModulus().bitLength() + 7) / 8;
        return authenticated
                ? new AuthEnvelopedOaep(key, modulusBytes, token).setProvider(BC)
                : new EnvelopedOaep(key, modulusBytes, token).setProvider(BC);
    }

    /** The key-encryption key: X9.63 KDF over the token's raw ECDH secret with ECC-CMS-SharedInfo (RFC 5753). */
    private static SecretKeySpec agreedWrapKey(PrivateKey key, Provider token, AlgorithmIdentifier keyEncryption,
            SubjectPublicKeyInfo sender, ASN1OctetString userKeyingMaterial) throws CMSException {
        Supplier<Digest> digest = KDF_DIGESTS.get(keyEncryption.getAlgorithm());
        AlgorithmIdentifier wrap = AlgorithmIdentifier.getInstance(keyEncryption.getParameters());
        Integer keyBits = wrap == null ? null : WRAP_KEY_BITS.get(wrap.getAlgorithm());
        if (digest == null || keyBits == null) {
            throw new CMSException("key agreement algorithm not supported with a token key");
        }
        byte[] shared = null;
        try {
            PublicKey senderKey = KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(sender.getEncoded()));
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH", token);
            agreement.init(key);
            agreement.doPhase(senderKey, true);
            shared = agreement.generateSecret();
            byte[] sharedInfo = new ECCCMSSharedInfo(wrap,
                    userKeyingMaterial == null ? null : userKeyingMaterial.getOctets(),
                    Pack.intToBigEndian(keyBits)).getEncoded(ASN1Encoding.DER);
            KDF2BytesGenerator kdf = new KDF2BytesGenerator(digest.get());
            kdf.init(new KDFParameters(shared, sharedInfo));
            byte[] wrapKey = new byte[keyBits / 8];
            kdf.generateBytes(wrapKey, 0, wrapKey.length);
            return new SecretKeySpec(wrapKey, "AES");
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new CMSException("key agreement with the token key failed", e);
        } finally {
            if (shared != null) {
                Arrays.fill(shared, (byte) 0);
            }
        }
    }

    /** Bouncy Castle's AES key unwrap, which each ECDH recipient inherits from its own superclass. */
    @FunctionalInterface
    private interface Unwrap {
        Key unwrap(ASN1ObjectIdentifier wrapAlgorithm, SecretKey wrapKey, ASN1ObjectIdentifier contentAlgorithm, byte[] wrappedKey)
                throws CMSException, GeneralSecurityException;
    }

    /** The content-encryption key: unwrapped with the key-encryption key the token's ECDH gave. */
    private static Key agreedContentKey(Unwrap unwrap, PrivateKey key, Provider token, AlgorithmIdentifier keyEncryption,
            AlgorithmIdentifier contentEncryption, SubjectPublicKeyInfo sender, ASN1OctetString userKeyingMaterial,
            byte[] encryptedKey) throws CMSException {
        try {
            return unwrap.unwrap(AlgorithmIdentifier.getInstance(keyEncryption.getParameters()).getAlgorithm(),
                    agreedWrapKey(key, token, keyEncryption, sender, userKeyingMaterial), contentEncryption.getAlgorithm(), encryptedKey);
        } catch (GeneralSecurityException e) {
            throw new CMSException("unwrapping the content key failed", e);
        }
    }

    /** The content-encryption key: raw RSA in the token, then OAEP (SHA-256, MGF1-SHA-256, empty label) here. */
    private static Key oaepContentKey(PrivateKey key, int modulusBytes, Provider token, AlgorithmIdentifier keyEncryption,
            AlgorithmIdentifier contentEncryption, byte[] encryptedKey) throws CMSException {
        if (!PKCSObjectIdentifiers.id_RSAES_OAEP.equals(keyEncryption.getAlgorithm())
                || !NISTObjectIdentifiers.id_sha256.equals(
                        RSAESOAEPparams.getInstance(keyEncryption.getParameters()).getHashAlgorithm().getAlgorithm())) {
            throw new CMSException("key transport algorithm not supported with a token key");
        }
        OAEPEncoding oaep = new OAEPEncoding(new TokenRsa(key, modulusBytes, token), new SHA256Digest(), new SHA256Digest(), null);
        oaep.init(false, null);
        try {
            byte[] contentKey = oaep.processBlock(encryptedKey, 0, encryptedKey.length);
            return new SecretKeySpec(contentKey, "AES");
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CMSException("key transport with the token key failed", e);
        }
    }

    /** Raw RSA decryption in the token, as the engine under Bouncy Castle's OAEP decoding. */
    private record TokenRsa(PrivateKey key, int modulusBytes, Provider token) implements AsymmetricBlockCipher {

        @Override
        public void init(boolean forEncryption, CipherParameters parameters) {
            if (forEncryption) {
                throw new IllegalArgumentException("a token recipient only decrypts");
            }
        }

        @Override
        public int getInputBlockSize() {
            return modulusBytes;
        }

        /** As Bouncy Castle's RSA engine: the encoded message without its leading zero byte, which OAEP expects. */
        @Override
        public int getOutputBlockSize() {
            return modulusBytes - 1;
        }

        @Override
        public byte[] processBlock(byte[] in, int offset, int length) throws InvalidCipherTextException {
            if (length != modulusBytes) {
                throw new InvalidCipherTextException("encrypted key has the wrong length");
            }
            try {
                Cipher raw = Cipher.getInstance("RSA/ECB/NoPadding", token);
                raw.init(Cipher.DECRYPT_MODE, key);
                byte[] out = raw.doFinal(in, offset, length);
                byte[] message = new byte[modulusBytes];
                System.arraycopy(out, 0, message, modulusBytes - out.length, out.length);
                if (message[0] != 0) {
                    throw new InvalidCipherTextException("decrypted block out of range");
                }
                return Arrays.copyOfRange(message, 1, modulusBytes);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new InvalidCipherTextException("raw RSA in the token failed", e);
            }
        }
    }

    private static final class AuthEnvelopedEcdh extends JceKeyAgreeAuthEnvelopedRecipient {
        private final PrivateKey key;
        private final Provider token;

        AuthEnvelopedEcdh(PrivateKey key, Provider token) {
            super(key);
            this.key = key;
            this.token = token;
        }

        @Override
        protected Key extractSecretKey(AlgorithmIdentifier keyEncryption, AlgorithmIdentifier contentEncryption,
                SubjectPublicKeyInfo sender, ASN1OctetString userKeyingMaterial, byte[] encryptedKey) throws CMSException {
            return agreedContentKey(this::unwrapSessionKey, key, token, keyEncryption, contentEncryption, sender, userKeyingMaterial,
                    encryptedKey);
        }
    }

    private static final class EnvelopedEcdh extends JceKeyAgreeEnvelopedRecipient {
        private final PrivateKey key;
        private final Provider token;

        EnvelopedEcdh(PrivateKey key, Provider token) {
            super(key);
            this.key = key;
            this.token = token;
        }

        @Override
        protected Key extractSecretKey(AlgorithmIdentifier keyEncryption, AlgorithmIdentifier contentEncryption,
                SubjectPublicKeyInfo sender, ASN1OctetString userKeyingMaterial, byte[] encryptedKey) throws CMSException {
            return agreedContentKey(this::unwrapSessionKey, key, token, keyEncryption, contentEncryption, sender, userKeyingMaterial,
                    encryptedKey);
        }
    }

    private static final class AuthEnvelopedOaep extends JceKeyTransAuthEnvelopedRecipient {
        private final PrivateKey key;
        private final int modulusBytes;
        private final Provider token;

        AuthEnvelopedOaep(PrivateKey key, int modulusBytes, Provider token) {
            super(key);
            this.key = key;
            this.modulusBytes = modulusBytes;
            this.token = token;
        }

        @Override
        protected Key extractSecretKey(AlgorithmIdentifier keyEncryption, AlgorithmIdentifier contentEncryption,
                byte[] encryptedKey) throws CMSException {
            return oaepContentKey(key, modulusBytes, token, keyEncryption, contentEncryption, encryptedKey);
        }
    }

    private static final class EnvelopedOaep extends JceKeyTransEnvelopedRecipient {
        private final PrivateKey key;
        private final int modulusBytes;
        private final Provider token;

        EnvelopedOaep(PrivateKey key, int modulusBytes, Provider token) {
            super(key);
            this.key = key;
            this.modulusBytes = modulusBytes;
            this.token = token;
        }

        @Override
        protected Key extractSecretKey(AlgorithmIdentifier keyEncryption, AlgorithmIdentifier contentEncryption,
                byte[] encryptedKey) throws CMSException {
            return oaepContentKey(key, modulusBytes, token, keyEncryption, contentEncryption, encryptedKey);
        }
    }
}
