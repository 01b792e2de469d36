package org.viche.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.viche.support.Api;
import org.viche.support.Browser;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The form as a person uses it, in a real (headless) Chromium with no JavaScript of ours:
 * choose a region, click answers by their labels, pick ranks, type a comment, send, and read
 * the receipt. The browser is the run's shared one ({@link Browser}).
 */
@QuarkusTest
class BrowserFormTest {

    @TestHTTPResource("/")
    URL base;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        Browser shared = Browser.shared();
        shared.width(360);
        browser = shared.driver();
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
