package org.accord.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The documentation stays true to the tree: every relative link and anchor resolves, every test class a page
 * names exists, the README stays a front door and each page of docs/ stays one reader's question.
 */
class DocumentationLinksTests {

    /** The pages a newcomer, a partner, a DPO and an auditor are sent to from the README. */
    static final List<String> READERS_PAGES = List.of("getting-started.md", "api.md", "agreements.md", "minimisation.md",
            "sealing.md", "delivery.md", "transfer-log.md", "console.md", "configuration.md", "operations.md",
            "security.md", "benchmarks.md");

    private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private static final Pattern TEST_CLASS = Pattern.compile("[A-Z][A-Za-z0-9]*Tests");

    @Test
    void whenADocumentLinksInsideTheRepositoryThenTheFileAndItsAnchorExist() {
        List<String> broken = new ArrayList<>();
        for (Path document : Markdown.documents()) {
            Markdown markdown = Markdown.read(document);
            for (Markdown.Link link : markdown.links()) {
                String target = link.target();
                if (EXTERNAL.matcher(target).matches() || target.startsWith("//")) {
                    continue;
                }
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
                String where = markdown.name() + ":" + link.line() + " -> " + target;
                if (!resolved.startsWith(Markdown.REPOSITORY)) {
                    broken.add(where + " (outside the repository)");
                }
                else if (!Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                }
                else if (anchor != null && resolved.toString().endsWith(".md")
                        && !Markdown.read(resolved).anchors().contains(anchor)) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("relative links that do not resolve").isEmpty();
    }

    @Test
    void whenADocumentNamesATestClassThenTheClassExists() {
        Set<String> testClasses = testClassNames();
        List<String> missing = new ArrayList<>();
        for (Path document : Markdown.documents()) {
            Markdown markdown = Markdown.read(document);
            for (String span : markdown.codeSpans()) {
                if (TEST_CLASS.matcher(span).matches() && !testClasses.contains(span)) {
                    missing.add(markdown.name() + ": " + span);
                }
            }
        }
        assertThat(testClasses).as("test classes found").contains("DocumentationLinksTests");
        assertThat(missing).as("test classes named in the documentation but absent from the code").isEmpty();
    }

    @Test
    void whenTheReadmeIsReadThenItIsShortAndLinksToEveryReadersPage() {
        Markdown readme = Markdown.read(Markdown.REPOSITORY.resolve("README.md"));
        assertThat(readme.lineCount()).as("README.md lines").isLessThanOrEqualTo(150);
        Set<String> linked = readme.links().stream().map(Markdown.Link::target).collect(Collectors.toSet());
        for (String page : READERS_PAGES) {
            assertThat(linked).as("README links to docs/" + page).anyMatch(target -> target.equals("docs/" + page)
                    || target.startsWith("docs/" + page + "#"));
        }
    }

    @Test
    void whenTheDocsFolderIsReadThenEachPageAnswersOneQuestionInAtMostFourHundredLines() {
        Path docs = Markdown.REPOSITORY.resolve("docs");
        for (String page : READERS_PAGES) {
            assertThat(docs.resolve(page)).as("docs/" + page).exists();
        }
        for (Path page : Markdown.documents()) {
            if (page.getParent().equals(docs)) {
                Markdown markdown = Markdown.read(page);
                assertThat(markdown.lineCount()).as(markdown.name() + " lines").isLessThanOrEqualTo(400);
                assertThat(markdown.headings()).as(markdown.name() + " starts with its title").isNotEmpty();
                assertThat(markdown.headings().get(0)).as(markdown.name() + " title").startsWith("# ");
            }
        }
    }

    private static Set<String> testClassNames() {
        try (Stream<Path> walk = Files.walk(Markdown.REPOSITORY)) {
            return walk.filter(path -> path.toString().contains("/src/test/java/") && path.toString().endsWith(".java"))
                    .map(path -> path.getFileName().toString().replace(".java", ""))
                    .collect(Collectors.toSet());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
