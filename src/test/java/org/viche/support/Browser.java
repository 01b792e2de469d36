package org.viche.support;

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
 * One headless Chromium for every browser test of the run (starting one costs seconds), with
 * the checks a page must pass for people: axe-core finds no accessibility violation, nothing
 * is wider than the screen, and a screenshot is kept in {@code target/screenshots/} for review.
 * Needs the Debian {@code chromium} and {@code chromedriver} packages; where they are missing the
 * test is skipped, except under CI ({@code CI=true}), where that is a failure.
 */
public final class Browser {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int SCREENSHOT_MAX_HEIGHT = 6000;

    private static Browser shared;

    private final ChromeDriver driver;
    private final Path profile;
    private final String axe;
    private int width = 1280;

    private Browser(ChromeDriver driver, Path profile, String axe) {
        this.driver = driver;
        this.profile = profile;
        this.axe = axe;
    }

    /** The run's browser, started on first use and quit when the test JVM ends. */
    public static synchronized Browser shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::quit));
        }
        return shared;
    }

    private static Browser start() {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must provide " + CHROMIUM + " and " + CHROMEDRIVER);
            }
            String why = "browser tests SKIPPED: " + CHROMIUM + " or " + CHROMEDRIVER + " is not installed"
                    + " (Debian packages chromium chromium-driver)";
            // Surefire's console names only the count of skipped tests; the reason goes there too.
            System.out.println("[WARNING] " + why);
            assumeTrue(false, why);
        }
        try {
            Path profile = Files.createTempDirectory("viche-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                    "--hide-scrollbars", "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile, axeSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core from its test-scoped webjar; the version is read from the jar, not repeated here. */
    private static String axeSource() throws IOException {
        ClassLoader loader = Browser.class.getClassLoader();
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the axe-core webjar is not on the test classpath");
            }
            pom.load(in);
        }
        String path = "META-INF/resources/webjars/axe-core/" + pom.getProperty("version") + "/axe.min.js";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The viewport's CSS width in pixels, as a phone or a desktop would have it. */
    public void width(int pixels) {
        width = pixels;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", pixels, "height", 900, "deviceScaleFactor", 1, "mobile", pixels < 700));
    }

    /** Every axe-core violation on the current page, one line each ("rule: help — where"). */
    public List<String> axeViolations() {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(axe);
        }
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — '
                      + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        List<String> violations = new ArrayList<>();
        if (result instanceof List<?> list) {
            list.forEach(v -> violations.add(String.valueOf(v)));
        }
        return violations;
    }

    /**
     * How many CSS pixels the page is wider than the screen (0 when it fits). Measured against the
     * width asked for, not {@code innerWidth}: a phone shrinks a too-wide page to fit, and then
     * {@code innerWidth} grows with it and hides the overflow.
     */
    public long horizontalOverflow() {
        Number scroll = (Number) driver.executeScript(
                "return Math.max(document.documentElement.scrollWidth, window.innerWidth);");
        return Math.max(0, scroll.longValue() - width);
    }

    /** The innermost elements that reach past the screen's right edge ("tag.class →right"), for a failure message. */
    public List<String> overflowingElements() {
        Object found = driver.executeScript("""
                const w = arguments[0];
                return [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > w + 0.5 && e.getClientRects().length > 0)
                  .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > w + 0.5))
                  .slice(0, 3)
                  .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
                      ? '.' + e.className.trim().replace(/\\s+/g, '.') : '') + ' →' + Math.round(e.getBoundingClientRect().right));
                """, width);
        List<String> elements = new ArrayList<>();
        if (found instanceof List<?> list) {
            list.forEach(e -> elements.add(String.valueOf(e)));
        }
        return elements;
    }

    /** A full-page screenshot at the current width, saved as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
        int asked = width;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", asked,
                "height", Math.min(height.intValue(), SCREENSHOT_MAX_HEIGHT), "deviceScaleFactor", 1,
                "mobile", asked < 700));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            width(asked);
        }
    }

    private void quit() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
