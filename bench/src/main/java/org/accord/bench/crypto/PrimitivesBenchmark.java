package org.accord.bench.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The bare public-key operations under {@link CmsBenchmark}, with the Bouncy Castle provider ("BC"), so the
 * cost of Accord's CMS code over the cryptography is visible. Sealing needs a signature plus either an
 * ephemeral ECDH agreement or an RSA-OAEP encryption; opening needs the reverse plus a certificate check.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class PrimitivesBenchmark {

    /** ECDSA P-256 with SHA-256 over the 4 KB record. */
    @Benchmark
    public byte[] ecdsaP256Sign(PrimitiveKeys keys, PrimitiveTools tools) throws GeneralSecurityException {
        tools.ecdsaSign.update(keys.record);
        return tools.ecdsaSign.sign();
    }

    @Benchmark
    public boolean ecdsaP256Verify(PrimitiveKeys keys, PrimitiveTools tools) throws GeneralSecurityException {
        tools.ecdsaVerify.update(keys.record);
        return tools.ecdsaVerify.verify(tools.ecdsaSignature);
    }

    /** The sender's side of ECDH: a fresh ephemeral P-256 key pair, then agreement with the recipient's key. */
    @Benchmark
    public byte[] ecdhP256EphemeralAgree(PrimitiveKeys keys, PrimitiveTools tools) throws GeneralSecurityException {
        KeyPair ephemeral = tools.ephemeralEc.generateKeyPair();
        tools.ecdh.init(ephemeral.getPrivate());
        tools.ecdh.doPhase(keys.ecRecipient.getPublic(), true);
        return tools.ecdh.generateSecret();
    }

    /**
     * As {@link #ecdhP256EphemeralAgree}, but with the generator made per operation and initialised from the
     * recipient key's own parameters, as {@code CmsSealer} does. Not part of the floor: it shows what that
     * choice costs beside a generator initialised with the named curve.
     */
    @Benchmark
    public byte[] ecdhP256EphemeralAgreeFromKeyParams(PrimitiveKeys keys, PrimitiveTools tools)
            throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PrimitiveKeys.PROVIDER);
        generator.initialize(((ECPublicKey) keys.ecRecipient.getPublic()).getParams());
        KeyPair ephemeral = generator.generateKeyPair();
        tools.ecdh.init(ephemeral.getPrivate());
        tools.ecdh.doPhase(keys.ecRecipient.getPublic(), true);
        return tools.ecdh.generateSecret();
    }

    /** The recipient's side of ECDH: agreement of its static key with the sender's ephemeral public key. */
    @Benchmark
    public byte[] ecdhP256StaticAgree(PrimitiveKeys keys, PrimitiveTools tools) throws GeneralSecurityException {
        tools.ecdh.init(keys.ecRecipient.getPrivate());
        tools.ecdh.doPhase(tools.ephemeral.getPublic(), true);
        return tools.ecdh.generateSecret();
    }

    /** RSA-3072 PKCS#1 v1.5 with SHA-256 over the 4 KB record. */
    @Benchmark
    public byte[] rsa3072Sign(PrimitiveKeys keys, PrimitiveTools tools) throws GeneralSecurityException {
        tools.rsaSign.update(keys.record);
        return tools.rsaSign.sign();
    }

    @Benchmark
    public boolean rsa3072Verify(PrimitiveKeys keys, PrimitiveTools tools) throws GeneralSecurityException {
        tools.rsaVerify.update(keys.record);
        return tools.rsaVerify.verify(tools.rsaSignature);
    }

    /** RSA-OAEP (SHA-256, MGF1-SHA-256) encryption of a 32-byte content key to a 3072-bit key. */
    @Benchmark
    public byte[] rsa3072OaepEncrypt(PrimitiveKeys keys, PrimitiveTools tools) throws GeneralSecurityException {
        return tools.oaepEncrypt.doFinal(keys.contentKey);
    }

    @Benchmark
    public byte[] rsa3072OaepDecrypt(PrimitiveTools tools) throws GeneralSecurityException {
        return tools.oaepDecrypt.doFinal(tools.wrappedKey);
    }
}
