package org.accord.gateway.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads and writes the PEM files Accord keeps keys and certificates in: private keys as
 * unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}, also reading OpenSSL's traditional EC and RSA
 * forms), certificates as {@code BEGIN CERTIFICATE}.
 */
public final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private Pem() {
    }

    /**
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if the file holds no unencrypted private key
     */
    public static PrivateKey readPrivateKey(Path path) {
        Object object;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            object = parser.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read private key file " + path, e);
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BouncyCastle.provider());
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
        } catch (PEMException e) {
            throw new IllegalArgumentException("unusable private key in " + path, e);
        }
        throw new IllegalArgumentException("no unencrypted private key in " + path);
    }

    /**
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if the file holds no X.509 certificate
     */
    public static X509Certificate readCertificate(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read certificate file " + path, e);
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("no X.509 certificate in " + path, e);
        }
    }

    /**
     * Every X.509 certificate in a PEM file, in order (a CA bundle).
     *
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if the file holds no X.509 certificate
     */
    public static java.util.List<X509Certificate> readCertificates(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            java.util.List<X509Certificate> certificates = new java.util.ArrayList<>();
            for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no X.509 certificate in " + path);
            }
            return java.util.List.copyOf(certificates);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read certificate file " + path, e);
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("no X.509 certificate in " + path, e);
        }
    }

    static String privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("private key has no PKCS#8 encoding");
        }
        return armour("PRIVATE KEY", key.getEncoded());
    }

    static String certificate(X509Certificate certificate) {
        try {
            return armour("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    private static String armour(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + BASE64.encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
