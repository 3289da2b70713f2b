package org.accord.bench.crypto;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Key pairs of the sizes Accord uses, made with Bouncy Castle, and a 4 KB record to sign. */
@State(Scope.Benchmark)
public class PrimitiveKeys {

    static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;
    static final String CURVE = "secp256r1";

    KeyPair ecSigner;
    KeyPair ecRecipient;
    KeyPair rsaSigner;
    KeyPair rsaRecipient;
    byte[] record;
    byte[] contentKey;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (Security.getProvider(PROVIDER) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", PROVIDER);
        ec.initialize(new ECGenParameterSpec(CURVE));
        ecSigner = ec.generateKeyPair();
        ecRecipient = ec.generateKeyPair();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA", PROVIDER);
        rsa.initialize(3072);
        rsaSigner = rsa.generateKeyPair();
        rsaRecipient = rsa.generateKeyPair();
        record = SealingParties.fourKilobyteRecord();
        contentKey = new byte[32];
        new SecureRandom().nextBytes(contentKey);
    }
}
