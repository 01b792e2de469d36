package org.viche.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.viche.receipt.Sealer;
import org.viche.support.Api;
import org.viche.support.Browser;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every state a citizen's page can be in, opened in a real Chromium in uk, ru and en and looked
 * at 320, 360 and 1280 px wide: axe-core must find no violation and nothing may be wider than the
 * screen. Screenshots land in {@code target/screenshots/<state>-<lang>-<width>.png} for a person to
 * review. All problems are collected and reported together, so one run shows everything to fix.
 */
@QuarkusTest
class PageStatesBrowserTest {

    private static final List<String> LANGUAGES = List.of("uk", "ru", "en");
    private static final List<Integer> WIDTHS = List.of(320, 360, 1280);

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sealer sealer;

    private final List<String> problems = new ArrayList<>();
    private final List<String> covered = new ArrayList<>();

    @Test
    void everyPageStatePassesAxeAndFitsTheScreenInEveryLanguageAndWidth() throws IOException {
        Browser browser = Browser.shared();
        WebDriver driver = browser.driver();
        String open = surveyLikeTheDemo("states-open", "LIVE", 3);
        String later = surveyLikeTheDemo("states-later", "AFTER_CLOSE", 3);
        String closed = surveyLikeTheDemo("states-closed", "LIVE", 3);
        seed(open, 40);
        seed(closed, 25);
        Api.asAdmin().post("/api/v1/surveys/" + closed + "/close").then().statusCode(200);
        String receipt = receiptOf(open);
        sealer.sealPending();

        // The checks themselves must be able to fail: a picture without a text and a too-wide box.
        browser.width(360);
        driver.get(base + "?lang=en");
        // (The page's Content-Security-Policy refuses style attributes, so the width is set through the CSSOM.)
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const main = document.querySelector('main');
                main.insertAdjacentHTML('beforeend', '<img src="/css/viche.css">');
                const wide = document.createElement('div');
                wide.textContent = 'wide';
                wide.style.width = '2000px';
                main.appendChild(wide);""");
        assertTrue(browser.axeViolations().stream().anyMatch(v -> v.startsWith("image-alt")), "axe runs and reports");
        assertTrue(browser.horizontalOverflow() > 0, "overflow is measured");

        Map<String, Consumer<String>> states = new LinkedHashMap<>();
        states.put("home", lang -> driver.get(base + "?lang=" + lang));
        states.put("form", lang -> driver.get(base + "s/" + open + "?lang=" + lang));
        states.put("form-errors", lang -> {
            driver.get(base + "s/" + open + "?lang=" + lang);
            driver.findElement(By.cssSelector(".survey-form button[type=submit]")).click();
            await(driver, By.cssSelector(".error-summary"), "errors shown in " + lang);
        });
        states.put("form-expired", lang -> {
            driver.get(base + "s/" + open + "?lang=" + lang);
            driver.findElement(By.name("answers.comment")).sendKeys("Довгий день, але відповідь збережено.");
            driver.manage().deleteCookieNamed(PageClient.CSRF_COOKIE);
            driver.findElement(By.cssSelector(".survey-form button[type=submit]")).click();
            await(driver, By.cssSelector(".notice-warning"), "the expired form back in " + lang);
            assertTrue(driver.getPageSource().contains("Довгий день, але відповідь збережено."), "answers kept in " + lang);
        });
        states.put("thanks", lang -> {
            driver.get(base + "s/" + open + "?lang=" + lang + "&again=1");
            new Select(driver.findElement(By.id("region"))).selectByValue("UA-14");
            driver.findElement(By.cssSelector("label[for=q-arrangement-dmz]")).click();
            driver.findElement(By.cssSelector(".survey-form button[type=submit]")).click();
            await(driver, By.id("receipt"), "a receipt in " + lang);
        });
        // Whatever the form shows a browser that has just answered (the "already answered" notice, or the form).
        states.put("answered", lang -> driver.get(base + "s/" + open + "?lang=" + lang));
        states.put("closed", lang -> driver.get(base + "s/" + closed + "?lang=" + lang));
        states.put("results-open", lang -> driver.get(base + "s/" + open + "/results?lang=" + lang));
        states.put("results-closed", lang -> driver.get(base + "s/" + closed + "/results?lang=" + lang));
        states.put("results-unpublished", lang -> driver.get(base + "s/" + later + "/results?lang=" + lang));
        states.put("verify", lang -> driver.get(base + "verify?lang=" + lang));
        states.put("verify-valid", lang -> driver.get(base + "verify?lang=" + lang + "&receipt=" + receipt));
        states.put("verify-unknown", lang -> driver.get(base + "verify?lang=" + lang + "&receipt=ABCD-EFGH-JKMN-PQRS"));
        states.put("verify-malformed", lang -> driver.get(base + "verify?lang=" + lang + "&receipt=ABCD"));
        states.put("error-404", lang -> driver.get(base + "s/no-such-survey?lang=" + lang));

        for (Map.Entry<String, Consumer<String>> state : states.entrySet()) {
            for (String lang : LANGUAGES) {
                browser.width(1280);
                state.getValue().accept(lang);
                assertEquals(lang, driver.findElement(By.tagName("html")).getAttribute("lang"), state.getKey());
                for (int width : WIDTHS) {
                    check(browser, state.getKey() + "-" + lang + "-" + width, width);
                }
            }
        }
        assertEquals(List.of(), problems, "pages checked: " + covered.size());
    }

    /** A click that submits a form returns before the next page has loaded: wait for what it should show. */
    private static void await(WebDriver driver, By what, String expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(what));
        } catch (TimeoutException e) {
            throw new AssertionError(expected + "; the browser shows " + driver.getTitle() + " at "
                    + driver.getCurrentUrl(), e);
        }
    }

    private void check(Browser browser, String name, int width) {
        browser.width(width);
        covered.add(name);
        browser.axeViolations().forEach(v -> problems.add(name + " axe " + v));
        long overflow = browser.horizontalOverflow();
        if (overflow > 0) {
            problems.add(name + " is " + overflow + " px wider than the screen: " + browser.overflowingElements());
        }
        browser.screenshot(name);
    }

    /** The demo survey's questions in three languages, under a new slug and results setting. */
    @SuppressWarnings("unchecked")
    private static String surveyLikeTheDemo(String prefix, String visibility, int minCellSize) throws IOException {
        Map<String, Object> definition;
        try (InputStream in = PageStatesBrowserTest.class.getClassLoader().getResourceAsStream("demo/demo-survey.json")) {
            definition = new ObjectMapper().readValue(in, HashMap.class);
        }
        String slug = Api.slug(prefix);
        definition.put("slug", slug);
        definition.put("results", Map.of("visibility", visibility, "minCellSize", minCellSize));
        return Api.open(definition);
    }

    /** Answers spread over a few regions, enough to show figures in some and hide others. */
    private static void seed(String slug, int count) {
        List<String> regions = List.of("UA-14", "UA-14", "UA-46", "UA-46", "UA-32", "UA-65", "UA-40");
        List<String> arrangements = List.of("dmz", "sez", "return");
        for (int i = 0; i < count; i++) {
            Map<String, Object> answers = new HashMap<>();
            answers.put("arrangement", arrangements.get(i % 3));
            answers.put("trust", 1 + i % 5);
            answers.put("guarantees", List.of(i % 2 == 0 ? "eu" : "un"));
            answers.put("priorities", i % 2 == 0 ? List.of("peace", "return") : List.of("return"));
            Api.submit(slug, regions.get(i % regions.size()), answers);
        }
    }

    private static String receiptOf(String slug) {
        return Api.json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201).extract().path("receipt");
    }
}
