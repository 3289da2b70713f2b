package org.accord.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.accord.gateway.support.TestDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Every Mermaid diagram in the documentation parses with Mermaid itself (the {@code mermaid} webjar, in headless
 * Chromium), so the pictures render where the code is hosted. Skipped where Debian's chromium and chromium-driver are
 * not installed, like the console's browser tests.
 */
class MermaidDiagramsTests {

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private static final File CHROMIUM = new File("/usr/bin/chromium");

    private static final String MERMAID = "META-INF/resources/webjars/mermaid/11.14.0/dist/mermaid.min.js";

    private static final String PARSE = """
            const done = arguments[arguments.length - 1];
            mermaid.initialize({ startOnLoad: false });
            mermaid.parse(arguments[0]).then(result => done('ok ' + result.diagramType), error => done('error ' + error.message));
            """;

    private static ChromeDriverService service;

    private static WebDriver browser;

    private static Path page;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(CHROMEDRIVER.canExecute() && CHROMIUM.canExecute(),
                "Diagram checks need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        page = TestDirs.create("accord-mermaid-");
        try (InputStream script = MermaidDiagramsTests.class.getClassLoader().getResourceAsStream(MERMAID)) {
            assertThat(script).as(MERMAID).isNotNull();
            Files.copy(script, page.resolve("mermaid.min.js"));
        }
        Files.writeString(page.resolve("index.html"),
                "<!doctype html><html><head><script src=\"mermaid.min.js\"></script></head><body></body></html>");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + page.resolve("profile"));
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        browser.get(page.resolve("index.html").toUri().toString());
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (page != null) {
            try (Stream<Path> files = Files.walk(page)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void whenADiagramIsBrokenThenMermaidRefusesIt() {
        assertThat(parse("flowchart LR\n  a --> b\n")).startsWith("ok flowchart");
        assertThat(parse("flowchart LR\n  a -->\n  b[\"unclosed\n")).startsWith("error ");
    }

    @Test
    void whenTheDocumentationHoldsDiagramsThenEachParses() {
        List<String> diagrams = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path document : Markdown.documents()) {
            Markdown markdown = Markdown.read(document);
            for (Markdown.Fence fence : markdown.fences()) {
                if (fence.language().equals("mermaid")) {
                    String where = markdown.name() + ":" + fence.line();
                    diagrams.add(where);
                    String result = parse(fence.body());
                    if (!result.startsWith("ok ")) {
                        failures.add(where + " " + result);
                    }
                }
            }
        }
        assertThat(diagrams).as("Mermaid diagrams in the documentation").extracting(where -> where.split(":")[0])
                .contains("README.md", "docs/operations.md", "docs/security.md");
        assertThat(failures).as("diagrams Mermaid cannot parse").isEmpty();
    }

    private static String parse(String diagram) {
        Object result = ((JavascriptExecutor) browser).executeAsyncScript(PARSE, diagram);
        return String.valueOf(result);
    }
}
