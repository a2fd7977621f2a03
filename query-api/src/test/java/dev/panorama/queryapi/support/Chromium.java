package dev.panorama.queryapi.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both found on this machine: Selenium is
 * told both paths, so that Selenium Manager never tries to download a driver or a browser. Where they are
 * missing the test fails in CI ({@code CI=true}) and is skipped elsewhere, with how to install them.
 */
public final class Chromium {

    public static final String INSTALL = "install Debian's packages: apt-get install -y --no-install-recommends chromium chromium-driver"
        + " (.ci/run does it when chromedriver is missing); or point -Dwebdriver.chrome.driver and -Dpanorama.chromium at them";

    private Chromium() {
    }

    /** A new headless browser; the caller quits it. */
    public static ChromeDriver headless() {
        Optional<Path> driver = find("webdriver.chrome.driver", "chromedriver");
        Optional<Path> browser = find("panorama.chromium", "chromium", "chromium-browser");
        if (driver.isEmpty() || browser.isEmpty()) {
            String message = "the console test needs headless Chromium and chromedriver; "
                + (driver.isEmpty() ? "no chromedriver" : "no chromium") + " on this machine: " + INSTALL;
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            // Surefire counts a class aborted before its first test as no test at all: say it where it is seen.
            System.err.println("[WARNING] skipped, CI is not true: " + message);
            Assumptions.abort(message + " (skipped: CI is not true)");
        }
        System.setProperty("webdriver.chrome.driver", driver.get().toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(browser.get().toFile());
        // No sandbox: tests and CI run as root, where Chromium refuses to start sandboxed; the page is our own, on localhost.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,2000",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-default-apps", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(service, options);
    }

    /** The file a system property names, else the first of {@code names} on the PATH (then {@code /usr/bin}). */
    private static Optional<Path> find(String property, String... names) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        directories.add("/usr/bin");
        for (String name : names) {
            for (String directory : directories) {
                if (directory.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
