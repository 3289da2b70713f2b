package org.accord.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * A SoftHSM2 token for the tests that keep the gateway's key in a PKCS#11 token. SoftHSM2 reads its configuration
 * (the file named by {@code SOFTHSM2_CONF}, which the build sets for the test process) once per process, when
 * SunPKCS11 first loads the library, and sees no token made after that; so this process gets one token, made on
 * first use in a folder of its own, and each test imports its keys into it under labels of its own (objects added
 * later are seen). Tests skip (a JUnit assumption) when SoftHSM2 or OpenSC's {@code pkcs11-tool} is absent.
 */
public final class SoftHsm {

    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String TOKEN_LABEL = "accord-tests";
    public static final String PIN = "240517";

    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");
    private static SoftHsm instance;

    private final long slot;
    private final Path work;
    private int nextId = 1;

    private SoftHsm(long slot, Path work) {
        this.slot = slot;
        this.work = work;
    }

    /** The process's token, made on first call; skips the calling test when SoftHSM2 cannot run here. */
    public static synchronized SoftHsm token() {
        Assumptions.assumeTrue(Files.isReadable(LIBRARY) && onPath("softhsm2-util") && onPath("pkcs11-tool"),
                "SoftHSM2 (softhsm2) or OpenSC (pkcs11-tool) is not installed: skipping the PKCS#11 tests");
        String conf = System.getenv("SOFTHSM2_CONF");
        Assumptions.assumeTrue(conf != null && !conf.isBlank(),
                "SOFTHSM2_CONF is not set for this process (the Maven build sets it): skipping the PKCS#11 tests");
        if (instance == null) {
            instance = create(Path.of(conf));
        }
        return instance;
    }

    private static SoftHsm create(Path conf) {
        try {
            Files.createDirectories(conf.toAbsolutePath().getParent());
            Path tokens = Files.createTempDirectory(conf.toAbsolutePath().getParent(), "tokens-");
            Path work = Files.createTempDirectory(conf.toAbsolutePath().getParent(), "work-");
            Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
            String output = run(work, "softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL,
                    "--so-pin", PIN + "0", "--pin", PIN);
            Matcher slot = SLOT.matcher(output);
            if (!slot.find()) {
                throw new IllegalStateException("softhsm2-util did not say which slot it used:\n" + output);
            }
            return new SoftHsm(Long.parseLong(slot.group(1)), work);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long slot() {
        return slot;
    }

    /**
     * Imports a private key (PKCS#8 PEM) and its certificate under {@code label}, with a fresh object id, as an
     * administrator would with {@code pkcs11-tool}: the key may sign, derive (ECDH) and decrypt (RSA).
     */
    public synchronized void importKey(String label, Path privateKeyPem, X509Certificate certificate) {
        String id = String.format("%02x", nextId++);
        try {
            Path der = work.resolve(label + ".der");
            Files.write(der, certificate.getEncoded());
            run(work, "pkcs11-tool", "--module", LIBRARY.toString(), "--token-label", TOKEN_LABEL, "--login", "--pin", PIN,
                    "--write-object", privateKeyPem.toAbsolutePath().toString(), "--type", "privkey", "--id", id,
                    "--label", label, "--usage-sign", "--usage-derive", "--usage-decrypt");
            run(work, "pkcs11-tool", "--module", LIBRARY.toString(), "--token-label", TOKEN_LABEL, "--login", "--pin", PIN,
                    "--write-object", der.toString(), "--type", "cert", "--id", id, "--label", label);
        }
        catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot import key " + label + " into SoftHSM2", e);
        }
    }

    private static String run(Path directory, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        List<String> entries = path == null ? List.of() : new ArrayList<>(List.of(path.split(java.io.File.pathSeparator)));
        return entries.stream().anyMatch(entry -> Files.isExecutable(Path.of(entry, program)));
    }
}
