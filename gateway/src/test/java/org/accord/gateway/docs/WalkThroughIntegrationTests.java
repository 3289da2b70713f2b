package org.accord.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The walk-throughs are executed as written. Every {@code ```sh} block of README.md and docs/getting-started.md runs,
 * in order, in one bash session, in a folder where {@code data/} is a freshly started gateway's data directory and
 * {@code schemas/} the repository's, with {@code localhost:8080} pointed at that gateway. A {@code ```text},
 * {@code ```http} or {@code ```json} block right after a shell block is the output it must show (see
 * {@link DocumentedOutput}). A command that fails, or an output that no longer holds, fails the test. Blocks fenced as
 * {@code ```bash} (starting the gateway, running the build) are shown, not run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalkThroughIntegrationTests {

    private static final Path DATA_DIR = temporaryFolder("accord-walk-through-data-");

    private static final String BLOCK_END = "@@accord-block-end@@";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("accord.data-dir", DATA_DIR::toString);
    }

    @AfterAll
    static void removeDataDir() {
        delete(DATA_DIR);
    }

    @ParameterizedTest
    @ValueSource(strings = { "README.md", "docs/getting-started.md" })
    void whenTheWalkThroughIsFollowedThenEveryCommandSucceedsAndShowsWhatItSays(String document) throws Exception {
        Markdown markdown = Markdown.read(Markdown.REPOSITORY.resolve(document));
        List<Markdown.Fence> fences = markdown.fences();
        List<Markdown.Fence> commands = fences.stream().filter(fence -> fence.language().equals("sh")).toList();
        assertThat(commands).as(document + " shell blocks").hasSizeGreaterThanOrEqualTo(5);

        Path workDir = temporaryFolder("accord-walk-through-");
        try {
            Files.createSymbolicLink(workDir.resolve("data"), DATA_DIR);
            Files.createSymbolicLink(workDir.resolve("schemas"), Markdown.REPOSITORY.resolve("schemas"));
            List<String> outputs = run(workDir, commands);

            int checked = 0;
            for (int i = 0; i < fences.size() - 1; i++) {
                Markdown.Fence command = fences.get(i);
                Markdown.Fence output = fences.get(i + 1);
                if (command.language().equals("sh") && output.followsDirectly() && DocumentedOutput.isOutput(output.language())) {
                    String actual = outputs.get(commands.indexOf(command));
                    String mismatch = DocumentedOutput.mismatch(output.language(), output.body(), actual);
                    if (mismatch != null) {
                        fail(document + ":" + output.line() + ": the output documented there no longer holds: " + mismatch
                                + "\n--- the command printed ---\n" + actual);
                    }
                    checked++;
                }
            }
            assertThat(checked).as(document + " documented outputs checked").isGreaterThanOrEqualTo(2);
        }
        finally {
            delete(workDir);
        }
    }

    /** Runs the blocks in one bash session and returns what each printed (standard output and error together). */
    private List<String> run(Path workDir, List<Markdown.Fence> commands) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("set -euo pipefail\nexec 2>&1\n");
        for (Markdown.Fence command : commands) {
            script.append("# ").append("block at line ").append(command.line()).append('\n')
                    .append(command.body().replace("localhost:8080", "localhost:" + port).replace("127.0.0.1:8080", "127.0.0.1:" + port))
                    .append("\nprintf '\\n%s\\n' '").append(BLOCK_END).append("'\n");
        }
        Path scriptFile = workDir.resolve("walk-through.sh");
        Files.writeString(scriptFile, script);
        Process bash = new ProcessBuilder("bash", scriptFile.toString()).directory(workDir.toFile()).redirectErrorStream(true).start();
        bash.getOutputStream().close();
        byte[] printed = bash.getInputStream().readAllBytes();
        boolean ended = bash.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            bash.destroyForcibly();
        }
        String all = new String(printed, StandardCharsets.UTF_8);
        String[] parts = all.split("\\n?" + BLOCK_END + "\\n", -1);
        if (!ended || bash.exitValue() != 0 || parts.length < commands.size() + 1) {
            int failedBlock = Math.min(parts.length - 1, commands.size() - 1);
            fail("The walk-through stopped at the block on line " + commands.get(failedBlock).line() + " (exit "
                    + (ended ? bash.exitValue() : "timeout") + "). It printed:\n" + parts[parts.length - 1]);
        }
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            outputs.add(parts[i]);
        }
        return outputs;
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toRealPath();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
