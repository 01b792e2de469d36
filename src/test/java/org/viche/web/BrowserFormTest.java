package org.viche.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.viche.support.Api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The form as a person uses it, in a real (headless) Chromium with no JavaScript of ours:
 * choose a region, click answers by their labels, pick ranks, type a comment, send, and read
 * the receipt. Needs the Debian {@code chromium} and {@code chromedriver} packages; CI installs
 * them (and sets {@code CI=true}, where their absence fails the test instead of skipping it).
 */
@QuarkusTest
class BrowserFormTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TestHTTPResource("/")
    URL base;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must provide " + CHROMIUM + " and " + CHROMEDRIVER);
            }
            String why = "BrowserFormTest SKIPPED: " + CHROMIUM + " or " + CHROMEDRIVER + " is not installed"
                    + " (Debian packages chromium chromium-driver)";
            // Surefire's console names only the count of skipped tests; the reason goes there too.
            System.out.println("[WARNING] " + why);
            assumeTrue(false, why);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        profile = Files.createTempDirectory("viche-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=360,800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aPersonFillsTheFormAndGetsAReceipt() {
        long before = PageClient.responses(Api.DEMO);
        browser.get(base + "s/" + Api.DEMO + "?lang=uk");
        assertEquals("uk", browser.findElement(By.tagName("html")).getAttribute("lang"));

        new Select(browser.findElement(By.id("region"))).selectByVisibleText("Донецька область");
        label("Демілітаризована буферна зона під міжнародним моніторингом").click();
        label("Гарантії держав Європейського Союзу").click();
        label("Миротворча місія ООН").click();
        label("4").click();
        new Select(browser.findElement(By.id(label("Припинення бойових дій").getAttribute("for")))).selectByVisibleText("1");
        new Select(browser.findElement(By.id(label("Відбудова").getAttribute("for")))).selectByVisibleText("2");
        label("Так").click();
        browser.findElement(By.name("answers.comment")).sendKeys("Головне — щоб люди були в безпеці.");
        browser.findElement(By.xpath("//button[normalize-space()='Надіслати відповіді']")).click();

        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("receipt")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no thank-you page; the browser shows: "
                    + browser.getPageSource(), e);
        }
        String receipt = browser.findElement(By.id("receipt")).getText();
        assertTrue(PageClient.RECEIPT.matcher(receipt).matches(), "receipt shown: " + receipt);
        assertTrue(browser.getPageSource().contains("Дякуємо"));
        assertFalse(browser.getCurrentUrl().contains(receipt), "the receipt is not in the address");
        assertEquals(before + 1, PageClient.responses(Api.DEMO));
    }

    /** Quick exit: the survey page is replaced by a neutral one, and "Back" does not return to it. */
    @Test
    void quickExitLeavesNoWayBackToTheSurvey() {
        browser.get(base + "?lang=en");
        browser.get(base + "s/" + Api.DEMO + "?lang=en");
        browser.findElement(By.id("quick-exit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/exit.html"));
        assertEquals("", browser.findElement(By.tagName("body")).getText(), "a blank, neutral page");
        browser.navigate().back();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/exit.html"));
        assertFalse(browser.getCurrentUrl().contains("/s/"), "back leads past the survey: " + browser.getCurrentUrl());
    }

    /** The label a person would read and tap. */
    private WebElement label(String text) {
        return browser.findElement(By.xpath("//label[normalize-space(text())='" + text + "']"));
    }
}
