package org.accord.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DPO reviews an emergency disclosure in a real headless Chromium: signs in, opens the emergency disclosures page,
 * opens the disclosure, sees the justification and the fields shared, records it JUSTIFIED with a note, and the
 * review shows as done (and in the API list) with no Content-Security-Policy violation. Skipped where Debian's
 * chromium and chromium-driver are not installed.
 */
class EmergencyReviewBrowserIntegrationTests extends GatewayIntegrationTest {


    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void whenTheDpoReviewsAnEmergencyDisclosureInTheBrowserThenTheReviewIsRecorded() {
        ObjectNode body = Fixtures.submission("safeguarding-concern", "ctp-nw-prevent", "emergency-risk-to-life",
                Fixtures.example("safeguarding-concern"));
        ObjectNode justification = body.putObject("justification");
        justification.put("basis", "VITAL-INTERESTS");
        justification.put("risk", "Reported missing after a threat to life.");
        justification.putObject("authorisedBy").put("role", "Duty Director").put("name", "A. Senior");
        Response disclosed = client.postJson("/api/v1/emergency-disclosures", "uni-northbridge-duty-manager", Fixtures.json(body));
        assertThat(disclosed.status()).as(new String(disclosed.body())).isEqualTo(202);
        String id = disclosed.json().get("transferId").asString();
        String base = "http://127.0.0.1:" + port;

        browser.get(base + "/console/emergency");
        awaitPath("/login");
        browser.findElement(By.id("username")).sendKeys("dpo");
        browser.findElement(By.id("password")).sendKeys(demoPassword("dpo"));
        browser.findElement(By.id("sign-in")).click();
        awaitPath("/console/emergency");
        browser.findElement(By.cssSelector("a[href='/console/emergency/" + id + "']")).click();
        awaitPath("/console/emergency/" + id);
        assertThat(browser.findElement(By.id("basis")).getText()).isEqualTo("VITAL-INTERESTS");
        assertThat(browser.findElement(By.id("authorised-by")).getText()).isEqualTo("Duty Director: A. Senior");
        assertThat(browser.findElement(By.id("fields")).getText()).contains("subject.names").doesNotContain("subject.studentId");

        browser.findElement(By.id("decision-justified")).click();
        browser.findElement(By.id("review-note")).sendKeys("Risk to life confirmed by the police.");
        browser.findElement(By.id("record-review")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElements(By.id("review-form")).isEmpty());
        assertThat(browser.findElement(By.id("status")).getText()).contains("JUSTIFIED");
        assertThat(browser.findElement(By.id("reviewed-by")).getText()).startsWith("dpo at ");
        assertThat(violations()).isEmpty();

        JsonNode listed = null;
        for (JsonNode d : client.get("/api/v1/emergency-disclosures", "accord-dpo").json().get("disclosures")) {
            if (d.get("transferId").asString().equals(id)) {
                listed = d;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("reviewStatus").asString()).isEqualTo("JUSTIFIED");
        assertThat(listed.get("note").asString()).isEqualTo("Risk to life confirmed by the police.");
    }

    private List<String> violations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    private void awaitPath(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
    }
}
