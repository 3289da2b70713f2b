package org.accord.bench.crypto;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-thread Bouncy Castle engines, initialised once so a benchmark measures the operation and not the
 * provider lookup, plus a signature, a wrapped key and an ephemeral public key to verify, unwrap and agree with.
 */
@State(Scope.Thread)
public class PrimitiveTools {

    static final OAEPParameterSpec OAEP_SHA256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    Signature ecdsaSign;
    Signature ecdsaVerify;
    Signature rsaSign;
    Signature rsaVerify;
    KeyPairGenerator ephemeralEc;
    KeyAgreement ecdh;
    Cipher oaepEncrypt;
    Cipher oaepDecrypt;
    byte[] ecdsaSignature;
    byte[] rsaSignature;
    byte[] wrappedKey;
    KeyPair ephemeral;

    @Setup(Level.Trial)
    public void setUp(PrimitiveKeys keys) throws Exception {
        String bc = PrimitiveKeys.PROVIDER;
        ecdsaSign = Signature.getInstance("SHA256withECDSA", bc);
        ecdsaSign.initSign(keys.ecSigner.getPrivate());
        ecdsaVerify = Signature.getInstance("SHA256withECDSA", bc);
        ecdsaVerify.initVerify(keys.ecSigner.getPublic());
        rsaSign = Signature.getInstance("SHA256withRSA", bc);
        rsaSign.initSign(keys.rsaSigner.getPrivate());
        rsaVerify = Signature.getInstance("SHA256withRSA", bc);
        rsaVerify.initVerify(keys.rsaSigner.getPublic());
        ephemeralEc = KeyPairGenerator.getInstance("EC", bc);
        ephemeralEc.initialize(new ECGenParameterSpec(PrimitiveKeys.CURVE));
        ecdh = KeyAgreement.getInstance("ECDH", bc);
        oaepEncrypt = Cipher.getInstance("RSA/NONE/OAEPPadding", bc);
        oaepEncrypt.init(Cipher.ENCRYPT_MODE, keys.rsaRecipient.getPublic(), OAEP_SHA256);
        oaepDecrypt = Cipher.getInstance("RSA/NONE/OAEPPadding", bc);
        oaepDecrypt.init(Cipher.DECRYPT_MODE, keys.rsaRecipient.getPrivate(), OAEP_SHA256);

        ecdsaSign.update(keys.record);
        ecdsaSignature = ecdsaSign.sign();
        rsaSign.update(keys.record);
        rsaSignature = rsaSign.sign();
        wrappedKey = oaepEncrypt.doFinal(keys.contentKey);
        ephemeral = ephemeralEc.generateKeyPair();
        if (!Arrays.equals(oaepDecrypt.doFinal(wrappedKey), keys.contentKey)) {
            throw new IllegalStateException("RSA-OAEP did not round-trip");
        }
    }
}
