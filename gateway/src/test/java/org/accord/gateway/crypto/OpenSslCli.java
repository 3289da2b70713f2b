package org.accord.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the {@code openssl} command line found on PATH, for interoperability tests. */
final class OpenSslCli {

    private static final long TIMEOUT_SECONDS = 60;

    private OpenSslCli() {
    }

    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "openssl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs openssl in {@code workingDirectory} and fails the test unless it exits with 0. */
    static String run(Path workingDirectory, String... arguments) throws IOException, InterruptedException {
        Result result = attempt(workingDirectory, arguments);
        assertThat(result.exitCode()).as("openssl %s\n%s", String.join(" ", arguments), result.output()).isZero();
        return result.output();
    }

    static Result attempt(Path workingDirectory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(find().orElseThrow().toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl did not finish: " + String.join(" ", arguments));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }

    record Result(int exitCode, String output) {
    }
}
