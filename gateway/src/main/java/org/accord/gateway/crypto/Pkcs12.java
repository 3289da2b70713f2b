package org.accord.gateway.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a signing credential from a PKCS#12 key store, as an alternative to PEM files: the private key
 * entry under the given alias, or the only private key entry when no alias is given.
 */
public final class Pkcs12 {

    private Pkcs12() {
    }

    /** A private key and its certificate chain, leaf first. */
    public record Credential(PrivateKey key, List<X509Certificate> chain) {

        public Credential {
            chain = List.copyOf(chain);
        }

        @Override
        public String toString() {
            return "Credential[" + CertificateIssuer.subject(chain.get(0)) + "]";
        }
    }

    /**
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if the password is wrong, the alias names no private key entry, no alias
     *                                  is given and the store holds more or fewer than one private key, or the
     *                                  key does not belong to the entry's certificate
     */
    public static Credential read(Path path, char[] password, String alias) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(path)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof GeneralSecurityException || e.getCause() == null && Files.isReadable(path)) {
                throw new IllegalArgumentException("cannot open key store " + path + " (wrong password?)", e);
            }
            throw new UncheckedIOException("cannot read key store " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open key store " + path, e);
        }
        try {
            String chosen = alias == null || alias.isBlank() ? onlyKeyAlias(store, path) : alias;
            if (!store.isKeyEntry(chosen)) {
                throw new IllegalArgumentException("no private key entry '" + chosen + "' in " + path);
            }
            PrivateKey key = (PrivateKey) store.getKey(chosen, password);
            Certificate[] certificates = store.getCertificateChain(chosen);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : certificates) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty() || !KeyPairCheck.matches(key, chain.get(0))) {
                throw new IllegalArgumentException("the key '" + chosen + "' in " + path + " does not belong to its certificate");
            }
            return new Credential(key, chain);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("unusable key entry in " + path, e);
        }
    }

    private static String onlyKeyAlias(KeyStore store, Path path) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keys.add(alias);
            }
        }
        if (keys.size() != 1) {
            throw new IllegalArgumentException(path + " holds " + keys.size() + " private keys: set accord.pki.keystore-alias");
        }
        return keys.get(0);
    }
}
