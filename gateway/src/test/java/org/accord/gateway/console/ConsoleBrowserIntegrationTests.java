package org.accord.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.accord.gateway.support.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium: sign in through the embedded authorization server's form, filter the
 * transfers, open one, export the view as CSV, walk every page and keep a screenshot of each under
 * {@code target/screenshots/}. Skipped where Debian's chromium and chromium-driver are not installed.
 */
class ConsoleBrowserIntegrationTests extends GatewayIntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void whenDpoSignsInInBrowserThenFiltersOpensTransferAndExportsCsv() throws Exception {
        String accepted = submit("ctp-nw-prevent", 202).json().get("transferId").asString();
        String refused = submit("la-northbridge-channel", 403).json().get("refusalId").asString();
        String base = "http://127.0.0.1:" + port;

        browser.get(base + "/console");
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/login");
        screenshot("01-sign-in");
        browser.findElement(By.id("username")).sendKeys("dpo");
        browser.findElement(By.id("password")).sendKeys(demoPassword("dpo"));
        browser.findElement(By.id("sign-in")).click();
        awaitPath("/console/transfers");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Transfers");
        screenshot("02-transfers");

        new Select(browser.findElement(By.id("outcome"))).selectByValue("accepted");
        new Select(browser.findElement(By.id("recordType"))).selectByValue("prevent-referral");
        browser.findElement(By.id("apply-filter")).click();
        awaitQuery("outcome=accepted");
        assertThat(browser.getPageSource()).contains(accepted).doesNotContain(refused);
        screenshot("03-transfers-filtered");

        String csvLink = browser.findElement(By.id("export-csv")).getAttribute("href");
        browser.findElement(By.cssSelector("a[href='/console/transfers/" + accepted + "']")).click();
        awaitPath("/console/transfers/" + accepted);
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("RECEIVED", "SEALED");
        assertThat(browser.findElement(By.id("lawful-bases")).getText()).contains("UK-GDPR-6-1-e");
        assertThat(browser.findElement(By.id("fields")).getText()).contains("subject.names");
        assertNoPersonalData();
        screenshot("04-transfer-detail");

        HttpResponse<String> csv = fetchWithSession(csvLink);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("accord-transfers.csv"));
        assertThat(csv.body()).contains(accepted + ",").doesNotContain(refused);

        for (String page : new String[] {"refusals", "agreements", "integrity"}) {
            browser.get(base + "/console/" + page);
            assertThat(browser.findElements(By.cssSelector("table caption, .govuk-panel__title")).size() + browser.findElements(By.tagName("h1")).size())
                    .isGreaterThan(0);
            assertNoPersonalData();
            screenshot("05-" + page);
        }
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("The log is intact");

        browser.get(base + "/console/subjects");
        browser.findElement(By.id("studentId")).sendKeys("NB20240931");
        browser.findElement(By.id("search")).click();
        awaitPath("/console/subjects");
        assertThat(browser.findElement(By.id("subject-count")).getText()).isNotEqualTo("0 transfers and refusals found.");
        assertThat(browser.getPageSource()).contains(accepted, refused);
        screenshot("06-subject-search");
    }

    @Test
    void whenKeyboardUserTabsIntoConsoleThenSkipLinkComesFirst() throws Exception {
        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/console");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(demoPassword("admin") + Keys.ENTER);
        awaitPath("/console/transfers");

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();

        assertThat(focused.getText()).isEqualTo("Skip to main content");
        assertThat(browser.findElements(By.linkText("Subject search"))).as("admins do not search by subject").isEmpty();
        assertThat(browser.findElements(By.cssSelector("label[for='partner'], label[for='outcome'], label[for='from']"))).hasSize(3);
    }

    @Test
    void whenTheDpoWalksTheConsoleThenTheBrowserReportsNoContentSecurityPolicyViolation() throws Exception {
        submit("ctp-nw-prevent", 202);
        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/console");
        assertThat(violations()).as("the sign-in page").isEmpty();
        browser.findElement(By.id("username")).sendKeys("dpo");
        browser.findElement(By.id("password")).sendKeys(demoPassword("dpo") + Keys.ENTER);
        awaitPath("/console/transfers");

        for (String page : new String[] {"transfers", "refusals", "failed", "agreements", "subjects", "integrity"}) {
            browser.get(base + "/console/" + page);
            assertThat(violations()).as("/console/" + page).isEmpty();
        }
        // The served stylesheets applied: GOV.UK Frontend's font, and the console's own bars (drawn without inline style).
        assertThat(browser.findElement(By.tagName("h1")).getCssValue("font-family")).contains("GDS Transport");
        browser.get(base + "/console/agreements");
        assertThat(browser.findElements(By.cssSelector("svg.accord-bar rect"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("svg.accord-bar rect")).getCssValue("fill")).isEqualTo("rgb(29, 112, 184)");

        // The log does show a violation when there is one: an inline style put into the page is refused.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var s = document.createElement('style'); s.textContent = 'body { color: red; }'; document.head.appendChild(s);");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !violations().isEmpty());
    }

    /** Content-Security-Policy violations Chromium has logged since the last call. */
    private List<String> violations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    private Response submit(String recipient, int expectedStatus) {
        Response response = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.submission("prevent-referral",
                recipient, "prevent-referral-assessment", Fixtures.example("prevent-referral"))));
        assertThat(response.status()).isEqualTo(expectedStatus);
        return response;
    }

    private void assertNoPersonalData() {
        String source = browser.getPageSource();
        for (String value : ConsoleIntegrationTests.PERSONAL_VALUES) {
            assertThat(source).as("page %s", browser.getCurrentUrl()).doesNotContain(value);
        }
    }

    private HttpResponse<String> fetchWithSession(String url) throws Exception {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitPath(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    private void awaitQuery(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains(part));
    }

    /** The whole page, not only the window: the window is made as tall as the page first. */
    private void screenshot(String name) throws IOException {
        Object height = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, Math.min(6000, ((Number) height).intValue() + 100)));
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    }
}
