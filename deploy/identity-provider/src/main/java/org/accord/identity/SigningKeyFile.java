package org.accord.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs every token, kept as a JWK in one file so that a restart (and every gateway that
 * reads the JWKS) sees the same key. The file is made on first start, readable by the owner only, and written
 * whole before it appears under its name, so a reader never sees half a key. One identity provider per file.
 */
final class SigningKeyFile {

    static final int KEY_SIZE = 3072;
    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SigningKeyFile() {
    }

    /** The key in {@code file}, made there first if the file does not exist. */
    static RSAKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return load(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key " + file, e);
        }
    }

    private static RSAKey load(Path file) throws IOException {
        RSAKey key;
        try {
            key = RSAKey.parse(Files.readString(file));
        }
        catch (ParseException e) {
            throw new IllegalStateException("The token signing key " + file + " is not an RSA JWK", e);
        }
        if (!key.isPrivate()) {
            throw new IllegalStateException("The token signing key " + file + " holds no private key");
        }
        if (posix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn("The token signing key {} is readable by others than its owner; chmod 600 it", file);
        }
        return key;
    }

    private static void create(Path file) throws IOException {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException("Cannot make a token signing key", e);
        }
        Path folder = file.toAbsolutePath().getParent();
        Path partial;
        if (posix()) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            partial = Files.createTempFile(folder, ".token-signing", ".partial", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        else {
            Files.createDirectories(folder);
            partial = Files.createTempFile(folder, ".token-signing", ".partial", new FileAttribute<?>[0]);
        }
        try {
            Files.writeString(partial, key.toJSONString());
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(partial);
        }
        log.info("Made the token signing key kid={} at {}", key.getKeyID(), file);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
