package org.accord.gateway.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Secrets kept in files readable by the owner only, made on first use and reused afterwards. */
public final class SecretFiles {

    private SecretFiles() {
    }

    /**
     * Creates an empty file, and its folders, readable and writable by the owner only (where the file system
     * has POSIX permissions), before anything secret is written to it.
     */
    public static void createOwnerOnly(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the platform's default permissions apply.
        }
    }

    /**
     * Loads the secret in {@code file}, making a random 32-byte one first if there is none.
     *
     * @param purpose what the secret is for, for the error message
     */
    public static byte[] ensure(Path file, String purpose) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                createOwnerOnly(file);
                Files.write(file, fresh);
            }
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the " + purpose + " " + file, e);
        }
    }
}
