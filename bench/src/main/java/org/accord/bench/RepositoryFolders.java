package org.accord.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository's {@code agreements/} and {@code schemas/} folders for benchmarks that load the shipped
 * catalogue: the system property {@code accord.repo} if set, else the first folder upwards from the working
 * directory that holds {@code schemas/agreement.schema.json}.
 */
public final class RepositoryFolders {

    public static final String PROPERTY = "accord.repo";

    private RepositoryFolders() {
    }

    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath();
            if (!isRepository(root)) {
                throw new IllegalStateException(PROPERTY + "=" + configured + " holds no schemas/agreement.schema.json");
            }
            return root;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRepository(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the Accord repository or set -D" + PROPERTY + "=<path>");
    }

    public static Path agreements() {
        return root().resolve("agreements");
    }

    public static Path schemas() {
        return root().resolve("schemas");
    }

    public static Path exampleRecord(String recordType, int version) {
        return schemas().resolve("examples").resolve(recordType + ".v" + version + ".example.json");
    }

    private static boolean isRepository(Path dir) {
        return Files.isRegularFile(dir.resolve("schemas/agreement.schema.json")) && Files.isDirectory(dir.resolve("agreements"));
    }
}
