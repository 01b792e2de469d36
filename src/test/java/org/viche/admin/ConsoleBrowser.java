package org.viche.admin;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the console's walk-through, with axe-core (from its test-scoped webjar)
 * to check each page at a phone's and a desktop's width. Kept in this package on purpose: the
 * pages work adds a shared helper under org.viche.support at the same time; the two are to be
 * folded together when both are merged.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final int PHONE = 360;
    static final int DESKTOP = 1280;

    final ChromeDriver driver;
    private final Path profile;
    private final String axe;

    private ConsoleBrowser(ChromeDriver driver, Path profile, String axe) {
        this.driver = driver;
        this.profile = profile;
        this.axe = axe;
    }

    /** A fresh browser, or the test skipped where Chromium is missing (failed in CI, which must have it). */
    static ConsoleBrowser start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must provide " + CHROMIUM + " and " + CHROMEDRIVER);
            }
            assumeTrue(false, "Chromium or chromedriver not installed; skipping the console browser test");
        }
        try {
            Path profile = Files.createTempDirectory("viche-console-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                    "--hide-scrollbars", "--window-size=" + DESKTOP + ",900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return new ConsoleBrowser(driver, profile, axeScript());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeScript() throws IOException {
        ClassLoader loader = ConsoleBrowser.class.getClassLoader();
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("axe-core webjar missing from the test classpath");
            }
            pom.load(in);
        }
        try (InputStream in = loader.getResourceAsStream(
                "META-INF/resources/webjars/axe-core/" + pom.getProperty("version") + "/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    void width(int pixels) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", pixels, "height", 900, "deviceScaleFactor", 1, "mobile", pixels < 700));
    }

    /** axe-core's violations on the page as shown now, one line per rule with the elements concerned. */
    List<String> violations() {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(axe);
        }
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ '
                      + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        List<String> violations = new ArrayList<>();
        if (result instanceof List<?> list) {
            list.forEach(v -> violations.add(String.valueOf(v)));
        }
        return violations;
    }

    /** The page at its full height (capped), as a PNG. */
    byte[] screenshot(int width, int maxHeight) {
        width(width);
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", Math.min(height.intValue(), maxHeight), "deviceScaleFactor", 1, "mobile", width < 700));
        try {
            return driver.getScreenshotAs(OutputType.BYTES);
        } finally {
            width(DESKTOP);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temporary profile does no harm
        }
    }
}
