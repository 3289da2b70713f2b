package org.accord.gateway.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PKCS#11 token (a hardware security module, or SoftHSM2 for tests) holding the gateway's private key, used
 * through the JDK's SunPKCS11 provider configured at run time. The key never leaves the token: it signs there
 * (messages, receipts, log checkpoints) and does the private half of opening inbound messages there (raw ECDH or
 * raw RSA, see {@link TokenRecipients}).
 *
 * <p>The key is found by its label ({@code CKA_LABEL}); the token shows it only beside a certificate object with
 * the same {@code CKA_ID}, which also gives the chain. The token is chosen by slot id, or by token label, which
 * is resolved to a slot id with OpenSC's {@code pkcs11-tool --list-token-slots} (SunPKCS11 selects by slot only).
 */
public final class Pkcs11Token {

    private static final Pattern SLOT = Pattern.compile("^Slot \\d+ \\(0x([0-9a-fA-F]+)\\):");
    private static final Pattern TOKEN_LABEL = Pattern.compile("^\\s+token label\\s*:\\s?(.*)$");

    private final Provider provider;
    private final KeyStore keyStore;
    private final long slot;

    private Pkcs11Token(Provider provider, KeyStore keyStore, long slot) {
        this.provider = provider;
        this.keyStore = keyStore;
        this.slot = slot;
    }

    /**
     * Logs in to the token in {@code slot} of the PKCS#11 module {@code library}.
     *
     * @throws IllegalStateException if the module cannot be loaded, the slot has no token or the PIN is refused
     */
    public static Pkcs11Token open(Path library, long slot, char[] pin) {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(pin, "pin");
        if (!Files.isReadable(library)) {
            throw new IllegalStateException("PKCS#11 library " + library + " cannot be read");
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("This Java runtime has no SunPKCS11 provider");
        }
        Provider provider;
        try {
            provider = base.configure(configuration(library, slot));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot load PKCS#11 library " + library + " for slot " + slot, e);
        }
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            return new Pkcs11Token(provider, keyStore, slot);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot log in to the PKCS#11 token in slot " + slot
                    + " (wrong PIN, or no token there)", e);
        }
    }

    /**
     * SunPKCS11's configuration: the module, the slot, and derived ECDH secrets that may be read out, because
     * the X9.63 KDF of CMS (RFC 5753) runs outside the token. The private key itself stays sensitive.
     */
    static String configuration(Path library, long slot) {
        return "--name = Accord-slot-" + slot + "\n"
                + "library = " + library.toAbsolutePath() + "\n"
                + "slot = " + slot + "\n"
                + "attributes(generate, CKO_SECRET_KEY, CKK_GENERIC_SECRET) = {\n"
                + "  CKA_SENSITIVE = false\n"
                + "  CKA_EXTRACTABLE = true\n"
                + "}\n";
    }

    /**
     * The slot id of the token labelled {@code tokenLabel}, as OpenSC's {@code pkcs11-tool} lists it.
     *
     * @throws IllegalStateException if {@code pkcs11-tool} is missing or fails, or no token, or several, has the label
     */
    public static long slotOf(Path library, String tokenLabel) {
        Objects.requireNonNull(tokenLabel, "tokenLabel");
        String listing;
        try {
            Process process = new ProcessBuilder("pkcs11-tool", "--module", library.toAbsolutePath().toString(),
                    "--list-token-slots").redirectErrorStream(true).start();
            process.getOutputStream().close();
            listing = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("pkcs11-tool --list-token-slots failed for " + library);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Finding a token by label needs OpenSC's pkcs11-tool on PATH "
                    + "(or set accord.pki.pkcs11.slot instead)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing PKCS#11 slots", e);
        }
        return slotOf(listing, tokenLabel);
    }

    static long slotOf(String listing, String tokenLabel) {
        List<Long> found = new ArrayList<>();
        Long current = null;
        for (String line : listing.split("\\R")) {
            Matcher slot = SLOT.matcher(line);
            if (slot.find()) {
                current = Long.parseUnsignedLong(slot.group(1), 16);
                continue;
            }
            Matcher label = TOKEN_LABEL.matcher(line);
            if (current != null && label.matches() && label.group(1).strip().equals(tokenLabel.strip())) {
                found.add(current);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException(found.isEmpty()
                    ? "No PKCS#11 token is labelled '" + tokenLabel + "'"
                    : "Several PKCS#11 tokens are labelled '" + tokenLabel + "': set accord.pki.pkcs11.slot instead");
        }
        return found.get(0);
    }

    /**
     * The private key labelled {@code keyLabel} and its certificate chain, as the token holds them.
     *
     * @throws IllegalStateException if the token has no such key, or no certificate beside it
     */
    public Pkcs12.Credential credential(String keyLabel) {
        Objects.requireNonNull(keyLabel, "keyLabel");
        try {
            Key key = keyStore.getKey(keyLabel, null);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IllegalStateException("PKCS#11 token in slot " + slot + " has no private key labelled '" + keyLabel
                        + "' beside a certificate with the same id (it holds " + Collections.list(keyStore.aliases()) + ")");
            }
            Certificate[] chain = keyStore.getCertificateChain(keyLabel);
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
                certificates.add((X509Certificate) certificate);
            }
            PrivateKeys.signatureAlgorithm(privateKey);
            PrivateKeys.registerTokenKey(privateKey, provider);
            if (!KeyPairCheck.matches(privateKey, certificates.get(0))) {
                throw new IllegalStateException("The key labelled '" + keyLabel + "' does not belong to its certificate");
            }
            return new Pkcs12.Credential(privateKey, certificates);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the key labelled '" + keyLabel + "' from the PKCS#11 token", e);
        }
    }

    /** The slot id this token was opened in. */
    public long slot() {
        return slot;
    }

    @Override
    public String toString() {
        return "Pkcs11Token[slot=" + slot + "]";
    }
}
