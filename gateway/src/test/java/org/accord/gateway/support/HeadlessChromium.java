package org.accord.gateway.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through its own chromium-driver, with a throwaway profile and its console log
 * kept (where Chromium reports each Content-Security-Policy violation). {@link #start} skips the test where either is
 * not installed.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final File CHROMIUM = new File("/usr/bin/chromium");

    private final ChromeDriverService service;
    private final WebDriver browser;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, WebDriver browser, Path profile) {
        this.service = service;
        this.browser = browser;
        this.profile = profile;
    }

    public static HeadlessChromium start() throws IOException {
        Assumptions.assumeTrue(CHROMEDRIVER.canExecute() && CHROMIUM.canExecute(),
                "Browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        Path profile = TestDirs.create("accord-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(service, browser, profile);
    }

    public WebDriver browser() {
        return browser;
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
