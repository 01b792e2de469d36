package org.viche.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.asAdmin;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.viche.quarantine.QuarantineConfig;
import org.viche.support.Api;
import org.viche.support.Browser;
import org.viche.support.Tokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The whole consultation in a real browser, as an organiser runs it: sign in, build a survey in
 * three languages with every question type and a conditional question, preview it in each
 * language, open it, print invitation codes, answer it as a citizen, issue a partner token,
 * review a held group, close it and download the results; then a researcher, refused everything
 * beyond results. Every console page passes axe-core at 360 and 1280 px. With
 * {@code -Dconsole.screenshots=docs} the README's screenshots are written there.
 */
@QuarkusTest
class ConsoleBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    ObjectMapper json;

    @Inject
    QuarantineConfig quarantine;

    private Browser browser;
    private static final int PHONE = 360;
    private static final int DESKTOP = 1280;
    private final List<String> checked = new ArrayList<>();

    @Test
    void anOrganiserRunsAConsultationFromTheBrowser() throws Exception {
        String slug = Api.slug("consult");
        {
            // the one Chromium session every browser test shares (org.viche.support.Browser)
            browser = Browser.shared();
            visit("/admin/sign-in?lang=en");
            check("sign-in");
            browser.driver().findElement(By.id("token")).sendKeys(Api.ADMIN_TOKEN);
            click("Sign in");
            assertTrue(browser.driver().getCurrentUrl().contains("/admin/surveys"), browser.driver().getCurrentUrl());
            assertTrue(!browser.driver().getCurrentUrl().contains(Api.ADMIN_TOKEN), "the token is never in an address");
            check("surveys");

            uploadDefinitionFiles();
            visit("/admin/surveys?lang=en");

            click("New survey in the editor");
            build(definition(slug));
            check("editor");
            press(browser.driver().findElements(By.xpath("//button[normalize-space()='Check and save the draft']")).get(0));
            assertTrue(browser.driver().getCurrentUrl().contains("/admin/surveys/" + slug), browser.driver().getPageSource());
            check("survey-draft");

            for (String language : List.of("uk", "ru", "en")) {
                visit("/admin/surveys/" + slug + "/preview?lang=en&in=" + language);
                assertTrue(browser.driver().getPageSource().contains(text(language, "Arrangement")), language);
                check("preview-" + language);
            }

            visit("/admin/surveys/" + slug + "?lang=en");
            click("Open for answers…");
            assertTrue(browser.driver().getPageSource().contains("can no longer change"));
            check("open-confirm");
            click("Open it now");
            assertEquals("OPEN", asAdmin().get("/api/v1/surveys/" + slug).then().extract().path("status"));
            // a second tab still showing the confirmation: the refusal is said in the console's language
            visit("/admin/surveys/" + slug + "/open?lang=uk");
            press(browser.driver().findElement(By.xpath("//form[contains(@action, '/open')]//button[@type='submit']")));
            assertTrue(browser.driver().getPageSource().contains("Відкрити можна лише чернетку."), browser.driver().getPageSource());
            check("open-refused");
            visit("/admin/surveys/" + slug + "?lang=en");

            click("Invitation codes");
            check("codes");
            browser.driver().findElement(By.id("count")).clear();
            browser.driver().findElement(By.id("count")).sendKeys("4");
            click("Printable sheet");
            List<String> codes = browser.driver().findElements(By.cssSelector(".slip-code code")).stream()
                    .map(e -> e.getText()).toList();
            assertEquals(4, codes.size());
            check("codes-sheet");

            answerAsCitizen(slug, codes.get(0));
            assertEquals(1, Api.storedResponses(slug));

            // Held responses need a survey open to everyone: answers by invitation are never held.
            String open = Api.openSurvey("street", List.of("UA-14"));
            visit("/admin/tokens?lang=en");
            check("tokens");
            browser.driver().findElement(By.id("token-name")).sendKeys("news-site");
            browser.driver().findElement(By.id("role-partner")).click();
            browser.driver().findElement(By.xpath("//input[@name='surveys' and @value='" + slug + "']")).click();
            browser.driver().findElement(By.xpath("//input[@name='surveys' and @value='" + open + "']")).click();
            click("Issue a token");
            String partner = browser.driver().findElement(By.id("secret")).getText();
            check("token-issued");
            partnerBurst(open, partner);
            visit("/admin/tokens?lang=en");
            String tokens = browser.driver().findElement(By.xpath("//tr[th[normalize-space()='news-site']]")).getText();
            assertTrue(tokens.contains("Last used"), tokens);

            visit("/admin/surveys/" + open + "/review?lang=en");
            assertTrue(browser.driver().getPageSource().contains("Many answers from one connection"),
                    asAdmin().get("/api/v1/surveys/" + open + "/quarantine").asString());
            assertTrue(browser.driver().getPageSource().contains("Answer pattern"));
            assertTrue(!browser.driver().getPageSource().contains("dmz"), "no answer is on the review page");
            check("review");
            press(browser.driver().findElement(By.xpath("//button[starts-with(normalize-space(), 'Release')]")));
            assertTrue(browser.driver().getPageSource().contains("Nothing is held for review."));

            visit("/admin/audit?lang=en&action=QUARANTINE_RELEASED");
            assertTrue(browser.driver().getPageSource().contains("Held response released"));
            check("audit");

            visit("/admin/surveys/" + slug + "?lang=en");
            click("Close…");
            check("close-confirm");
            click("Close it now");
            assertEquals("CLOSED", asAdmin().get("/api/v1/surveys/" + slug).then().extract().path("status"));

            visit("/admin/surveys/" + slug + "/results?lang=en");
            check("results");
            String session = browser.driver().manage().getCookieNamed(ConsoleSessionMechanism.COOKIE).getValue();
            String csv = RestAssured.given().cookie(ConsoleSessionMechanism.COOKIE, session)
                    .get(browser.driver().findElement(By.partialLinkText("Results by region")).getAttribute("href"))
                    .then().statusCode(200).extract().asString();
            assertTrue(csv.startsWith("question,region,option"), csv);

            visit("/admin/surveys?lang=en");
            click("Sign out");
            assertTrue(browser.driver().getCurrentUrl().contains("/admin/sign-in"));

            researcherIsRefusedBeyondResults(slug);
        }
        assertEquals(23, checked.size(), "pages checked: " + checked);
    }

    /**
     * The create page in Ukrainian: a file the validator refuses comes back with its problems in
     * the console's language; a good file (sent as multipart, with the form's CSRF field) is stored.
     */
    @SuppressWarnings("unchecked")
    private void uploadDefinitionFiles() throws IOException {
        String slug = Api.slug("uploaded");
        Map<String, Object> bad = new LinkedHashMap<>(definition(slug));
        List<Map<String, Object>> questions = new ArrayList<>((List<Map<String, Object>>) bad.get("questions"));
        Map<String, Object> scale = new LinkedHashMap<>(questions.stream().filter(q -> "SCALE".equals(q.get("type"))).findFirst()
                .orElseThrow());
        scale.put("min", 9);
        questions.set(questions.indexOf(questions.stream().filter(q -> "SCALE".equals(q.get("type"))).findFirst().orElseThrow()), scale);
        bad.put("questions", questions);
        java.nio.file.Path badFile = java.nio.file.Files.createTempFile("viche-bad", ".json");
        java.nio.file.Path goodFile = java.nio.file.Files.createTempFile("viche-good", ".json");
        try {
            java.nio.file.Files.write(badFile, json.writeValueAsBytes(bad));
            java.nio.file.Files.write(goodFile, json.writeValueAsBytes(definition(slug)));
            visit("/admin/surveys/new?lang=uk");
            check("new-survey");
            sendFile(badFile);
            assertTrue(browser.driver().getPageSource().contains("Максимум має бути більшим за мінімум."),
                    browser.driver().getPageSource());
            check("new-survey-errors");
            sendFile(goodFile);
            assertTrue(browser.driver().getCurrentUrl().contains("/admin/surveys/" + slug), browser.driver().getPageSource());
            assertEquals("DRAFT", asAdmin().get("/api/v1/surveys/" + slug).then().extract().path("status"));

            // the edit page takes a file too, and shows the validator's problems the same way
            visit("/admin/surveys/" + slug + "/edit?lang=uk");
            check("edit-survey");
            sendFile(badFile);
            assertTrue(browser.driver().getPageSource().contains("Максимум має бути більшим за мінімум."),
                    browser.driver().getPageSource());
            check("edit-survey-errors");
        } finally {
            java.nio.file.Files.deleteIfExists(badFile);
            java.nio.file.Files.deleteIfExists(goodFile);
        }
    }

    /** Chooses a file in the page's definition form and sends it (as multipart, with the form's CSRF field). */
    private void sendFile(java.nio.file.Path file) {
        browser.driver().findElement(By.id("file")).sendKeys(file.toString());
        press(browser.driver().findElement(By.xpath("//form[@enctype='multipart/form-data']//button[@type='submit']")));
    }

    private void researcherIsRefusedBeyondResults(String slug) throws IOException {
        browser.driver().findElement(By.id("token")).sendKeys(Tokens.researcher());
        click("Sign in");
        assertTrue(browser.driver().getCurrentUrl().contains("/admin/results"), browser.driver().getCurrentUrl());
        check("researcher-results");
        for (String path : List.of("/admin/surveys", "/admin/tokens", "/admin/audit", "/admin/surveys/" + slug,
                "/admin/surveys/" + slug + "/review", "/admin/surveys/new")) {
            visit(path + "?lang=en");
            assertTrue(browser.driver().getPageSource().contains("Not allowed for your role"), path);
        }
        check("researcher-refused");
        visit("/admin/surveys/" + slug + "/results?lang=en");
        assertTrue(browser.driver().getPageSource().contains("Current figures"));
    }

    /** A person with an invitation code answers in English, the conditional question included. */
    private void answerAsCitizen(String slug, String code) {
        visit("/s/" + slug + "?lang=en");
        new Select(browser.driver().findElement(By.id("region"))).selectByValue("UA-14");
        browser.driver().findElement(By.name("invitation")).sendKeys(code);
        label("A special economic zone").click();
        label("EU guarantees").click();
        label("4").click();
        new Select(browser.driver().findElement(By.id(label("Peace").getAttribute("for")))).selectByVisibleText("1");
        browser.driver().findElement(By.name("answers.why_sez")).sendKeys("Trade keeps people safe.");
        browser.driver().findElement(By.name("answers.comment")).sendKeys("Thank you.");
        press(browser.driver().findElement(By.xpath("//button[normalize-space()='Send my answers']")));
        // the thanks page comes back as the answer to the POST itself (no receipt in any address)
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("receipt")));
    }

    /**
     * The partner's token relays answers (partners are accountable and never held for
     * popularity); then one anonymous connection sends past its burst allowance, and the
     * surplus is held for review.
     */
    private void partnerBurst(String slug, String partner) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(Map.of("region", "UA-14", "answers", Map.of("arrangement", "dmz", "trust", 2)));
        }
        List<Integer> statuses = Api.json().header("Authorization", "Bearer " + partner).body(Map.of("items", items))
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(200)
                .extract().jsonPath().getList("results.status", Integer.class);
        assertTrue(statuses.stream().allMatch(s -> s == 201), statuses.toString());
        for (int i = 0; i < quarantine.perClient() + 2; i++) {
            Api.json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "dmz", "trust", 2)))
                    .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        }
    }

    /**
     * Builds a definition in the structured editor as an author would: first the rows (each "add"
     * redraws the form), then every field typed into the input its JSON path names.
     */
    @SuppressWarnings("unchecked")
    private void build(Map<String, Object> definition) {
        List<Map<String, Object>> questions = (List<Map<String, Object>>) definition.get("questions");
        for (int i = 0; i < questions.size(); i++) {
            Map<String, Object> q = questions.get(i);
            if (i > 0) {
                new Select(browser.driver().findElement(By.id("newType"))).selectByValue((String) q.get("type"));
                press(browser.driver().findElement(By.xpath("//button[@value='addQuestion']")));
            } else {
                new Select(browser.driver().findElement(By.name("questions[0].type"))).selectByValue((String) q.get("type"));
            }
            List<?> options = (List<?>) q.getOrDefault("options", List.of());
            for (int j = 1; j < options.size(); j++) {
                press(browser.driver().findElement(By.xpath("//button[@value='addOption:" + i + "']")));
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", definition, fields);
        fields.forEach((name, value) -> {
            var input = browser.driver().findElement(By.name(name));
            if ("checkbox".equals(input.getAttribute("type"))) {
                if (!input.isSelected()) {
                    input.click();
                }
            } else if ("select".equals(input.getTagName())) {
                new Select(input).selectByValue(value);
            } else {
                input.clear();
                input.sendKeys(value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String path, Object value, Map<String, String> fields) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path.isEmpty() ? (String) k : path + "." + k, v, fields));
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), fields);
            }
        } else if (value instanceof List<?> list) {
            if (!path.equals("languages")) {
                fields.put(path, String.join(", ", (List<String>) list));
            }
        } else if (!path.matches("questions\\[\\d+]\\.type")) {
            fields.put(path, String.valueOf(value));
        }
    }

    private void visit(String path) {
        browser.driver().get(base.toString().replaceAll("/$", "") + path);
    }

    private void click(String text) {
        press(browser.driver().findElement(By.xpath("//*[(self::a or self::button) and normalize-space()='" + text + "']")));
    }

    /** Clicks, then waits for the next page to replace this one (a POST answered by a redirect takes two loads). */
    private void press(org.openqa.selenium.WebElement element) {
        org.openqa.selenium.WebElement page = browser.driver().findElement(By.tagName("html"));
        element.click();
        // the old page is gone once its root is stale; mid-navigation Chromium may answer for that
        // root with an inspector error ("Node ... does not belong to the document"), which means the same
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private org.openqa.selenium.WebElement label(String text) {
        return browser.driver().findElement(By.xpath("//label[normalize-space(text())='" + text + "']"));
    }

    /** axe-core finds nothing at a phone's and a desktop's width; some pages become the README's pictures. */
    private void check(String name) throws IOException {
        for (int width : List.of(PHONE, DESKTOP)) {
            browser.width(width);
            List<String> violations = browser.axeViolations();
            assertEquals(List.of(), violations, name + " at " + width + " px: " + browser.driver().getCurrentUrl());
        }
        browser.width(DESKTOP);
        checked.add(name);
        String target = System.getProperty("console.screenshots");
        if (target != null && SCREENSHOTS.contains(name)) {
            Path dir = Path.of(target);
            Files.createDirectories(dir);
            browser.width(PHONE);
            Files.copy(browser.screenshot("console-" + name), dir.resolve("console-" + name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            browser.width(DESKTOP);
        }
    }

    static final List<String> SCREENSHOTS = List.of("surveys", "preview-uk", "codes-sheet", "review");

    private static final Map<String, Map<String, String>> TEXTS = new LinkedHashMap<>();

    private static String text(String language, String key) {
        return TEXTS.get(key).get(language);
    }

    private static Map<String, String> t(String key, String uk, String ru, String en) {
        Map<String, String> text = Map.of("uk", uk, "ru", ru, "en", en);
        TEXTS.put(key, text);
        return text;
    }

    private static Map<String, Object> option(String key, String uk, String ru, String en) {
        return Map.of("key", key, "text", t(key, uk, ru, en));
    }

    /** Three languages, every question type, and a question shown only after one answer. */
    static Map<String, Object> definition(String slug) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("slug", slug);
        d.put("languages", List.of("uk", "ru", "en"));
        d.put("title", t("title", "Консультація щодо майбутнього", "Консультация о будущем", "Consultation on the future"));
        d.put("regionScheme", "UA");
        d.put("regions", List.of("UA-14", "UA-09"));
        d.put("access", "TOKEN");
        d.put("questions", List.of(
                Map.of("key", "arrangement", "type", "SINGLE_CHOICE", "required", true,
                        "text", t("Arrangement", "Яке рішення прийнятне?", "Какое решение приемлемо?", "Which arrangement is acceptable?"),
                        "options", List.of(option("sez", "Спеціальна економічна зона", "Специальная экономическая зона", "A special economic zone"),
                                option("dmz", "Демілітаризована зона", "Демилитаризованная зона", "A demilitarized zone"))),
                Map.of("key", "guarantees", "type", "MULTIPLE_CHOICE", "maxChoices", 2,
                        "text", t("Guarantees", "Які гарантії?", "Какие гарантии?", "Which guarantees?"),
                        "options", List.of(option("eu", "Гарантії ЄС", "Гарантии ЕС", "EU guarantees"),
                                option("un", "Місія ООН", "Миссия ООН", "A UN mission"),
                                option("none", "Жодних", "Никаких", "None"))),
                Map.of("key", "trust", "type", "SCALE", "min", 1, "max", 5,
                        "text", t("Trust", "Наскільки ви довіряєте?", "Насколько вы доверяете?", "How much do you trust it?")),
                Map.of("key", "priorities", "type", "RANKING",
                        "text", t("Priorities", "Пріоритети", "Приоритеты", "Priorities"),
                        "options", List.of(option("peace", "Мир", "Мир", "Peace"),
                                option("rebuild", "Відбудова", "Восстановление", "Rebuilding"))),
                Map.of("key", "why_sez", "type", "TEXT", "maxLength", 300,
                        "showIf", Map.of("question", "arrangement", "anyOf", List.of("sez")),
                        "text", t("Why", "Чому економічна зона?", "Почему экономическая зона?", "Why an economic zone?")),
                Map.of("key", "comment", "type", "TEXT", "maxLength", 500,
                        "text", t("Comment", "Коментар", "Комментарий", "Any comment?"))));
        d.put("results", Map.of("visibility", "LIVE", "minCellSize", 1));
        return d;
    }

    static {
        definition("init");
    }
}
