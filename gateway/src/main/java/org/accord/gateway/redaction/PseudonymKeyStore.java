package org.accord.gateway.redaction;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;

import org.accord.gateway.crypto.SecretFiles;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-agreement pseudonym keys derived from one gateway secret: key = HMAC-SHA-256(secret, "pseudonym:" + id).
 * The same person gets the same pseudonym under one agreement and unlinkable ones across agreements.
 * The secret is made at first start (owner-readable only) unless one is configured.
 */
public final class PseudonymKeyStore implements PseudonymKeys {

    private final byte[] secret;

    private PseudonymKeyStore(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("The pseudonym secret must be at least 32 bytes");
        }
        this.secret = secret.clone();
    }

    /** Loads the secret from {@code file}, creating a random 32-byte one if the file does not exist. */
    public static PseudonymKeyStore ensure(Path file) {
        return new PseudonymKeyStore(SecretFiles.ensure(file, "pseudonym secret"));
    }

    @Override
    public byte[] keyFor(String agreementId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("pseudonym:" + agreementId).getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is required by the Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "PseudonymKeyStore[secret hidden]";
    }
}
