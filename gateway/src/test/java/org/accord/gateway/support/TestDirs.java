package org.accord.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Folders for a test's gateway data (database, broker journal, keys), under the module's build folder
 * ({@code target/test-data}) rather than the system's temporary folder, where every run of the suite left some
 * hundreds of megabytes; {@code ./mvnw clean} removes them.
 */
public final class TestDirs {

    private static final Path ROOT = Path.of("target", "test-data").toAbsolutePath();

    private TestDirs() {
    }

    /** A new, empty folder readable by its owner only, named {@code prefix} and a random number. */
    public static Path create(String prefix) {
        try {
            Files.createDirectories(ROOT);
            return Files.createTempDirectory(ROOT, prefix);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
