package org.accord.gateway.agreement;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A signatory CA and signatories' certificates made with stock OpenSSL, and CMS detached signatures made with
 * {@code openssl cms -sign -binary -outform DER}, as a signatory's own tools would. Tests using it are skipped where
 * {@code openssl} is not installed.
 */
public final class OpenSslSignatories {

    private final Path dir;
    public final Path caCertificate;
    private final Path caKey;
    private int serial;

    private OpenSslSignatories(Path dir, String caName) throws IOException {
        this.dir = dir;
        this.caCertificate = dir.resolve(caName + ".pem");
        this.caKey = dir.resolve(caName + ".key");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", caKey.toString(),
                "-out", caCertificate.toString(), "-subj", "/CN=" + caName, "-days", "3650",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    /** A new CA in {@code dir}; skips the test if OpenSSL is missing. */
    public static OpenSslSignatories ca(Path dir, String caName) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")) || onPath(), "openssl is not installed");
        return new OpenSslSignatories(dir, caName);
    }

    /** A key and certificate for a person: subject CN and O as given. Returns {key, certificate}. */
    public Path[] person(String commonName, String organisation) throws IOException {
        String base = "signer-" + (++serial);
        Path key = dir.resolve(base + ".key");
        Path csr = dir.resolve(base + ".csr");
        Path cert = dir.resolve(base + ".pem");
        Path ext = dir.resolve(base + ".ext");
        Files.writeString(ext, "keyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=emailProtection\n");
        run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key.toString(),
                "-out", csr.toString(), "-subj", "/CN=" + commonName + "/O=" + organisation);
        run("openssl", "x509", "-req", "-in", csr.toString(), "-CA", caCertificate.toString(), "-CAkey", caKey.toString(),
                "-set_serial", String.valueOf(1000 + serial), "-days", "825", "-extfile", ext.toString(), "-out", cert.toString());
        return new Path[] {key, cert};
    }

    /** Signs {@code file} as OpenSSL does, into {@code signature}. */
    public static void sign(Path file, Path[] keyAndCertificate, Path signature) throws IOException {
        run("openssl", "cms", "-sign", "-binary", "-in", file.toString(), "-signer", keyAndCertificate[1].toString(),
                "-inkey", keyAndCertificate[0].toString(), "-outform", "DER", "-out", signature.toString());
    }

    /** Signs every agreement in {@code folder} for each of its signatories, each with a certificate naming them. */
    void signAll(Path folder, AgreementCatalogue catalogue) throws IOException {
        for (Agreement a : catalogue.agreements().values()) {
            for (Signatory s : a.signatories()) {
                sign(folder.resolve(a.id() + ".yaml"), person(s.name(), s.organisation()),
                        folder.resolve(SignatoryCheck.signatureFileName(a.id(), a.version(), s.organisation())));
            }
        }
    }

    public static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return output;
    }

    private static boolean onPath() {
        try {
            run("openssl", "version");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A copy of the shipped agreements folder (top level only) in {@code target}. */
    public static Path copyShipped(Path target) throws IOException {
        Files.createDirectories(target);
        List<Path> files = new ArrayList<>();
        try (var stream = Files.list(Path.of("../agreements"))) {
            stream.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            Files.copy(f, target.resolve(f.getFileName()));
        }
        return target;
    }
}
