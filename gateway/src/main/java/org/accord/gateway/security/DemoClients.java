package org.accord.gateway.security;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.accord.gateway.crypto.SecretFiles;

/**
 * Demo client secrets, made at first start and kept in {@code <data-dir>/demo/clients.properties}
 * (readable by the owner only) so the walk-through can read them. Never used when demo mode is off.
 */
public final class DemoClients {

    private final Path file;
    private final Map<String, String> secrets;

    private DemoClients(Path file, Map<String, String> secrets) {
        this.file = file;
        this.secrets = Map.copyOf(secrets);
    }

    /** Loads the secrets file, adding a fresh random secret for any client id that has none. */
    public static DemoClients ensure(Path file, Iterable<String> clientIds) {
        return ensure(file, clientIds, "DEMO client secrets");
    }

    /** As {@link #ensure(Path, Iterable)}, for any named demo secrets; {@code what} heads the file. */
    static DemoClients ensure(Path file, Iterable<String> clientIds, String what) {
        try {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    stored.load(reader);
                }
            }
            Map<String, String> secrets = new LinkedHashMap<>();
            boolean changed = false;
            SecureRandom random = new SecureRandom();
            for (String id : clientIds) {
                String secret = stored.getProperty(id);
                if (secret == null) {
                    byte[] bytes = new byte[24];
                    random.nextBytes(bytes);
                    secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    changed = true;
                }
                secrets.put(id, secret);
            }
            if (changed) {
                write(file, secrets, what);
            }
            return new DemoClients(file, secrets);
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read or write the demo client secrets file " + file, e);
        }
    }

    private static void write(Path file, Map<String, String> secrets, String what) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        SecretFiles.createOwnerOnly(tmp);
        try (Writer writer = Files.newBufferedWriter(tmp)) {
            writer.write("# " + what + " made at first start by Accord. Not for production.\n");
            for (Map.Entry<String, String> e : new TreeMap<>(secrets).entrySet()) {
                writer.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public Path file() {
        return file;
    }

    public String secretOf(String clientId) {
        String secret = secrets.get(clientId);
        if (secret == null) {
            throw new IllegalArgumentException("No demo client " + clientId);
        }
        return secret;
    }

    public Iterable<String> clientIds() {
        return secrets.keySet();
    }
}
