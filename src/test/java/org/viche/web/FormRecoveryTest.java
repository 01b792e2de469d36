package org.viche.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.viche.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A form that never loses what a person typed, and that leaves validation to the server's one voice. */
@QuarkusTest
class FormRecoveryTest {

    private static final String FORM = "/s/" + Api.DEMO;
    private static final Pattern TOKEN = Pattern.compile("name=\"" + PageClient.CSRF_FIELD + "\" value=\"([^\"]+)\"");
    private static final Pattern OPTION = Pattern.compile("<option value=\"(UA-[^\"]+)\"[^>]*>([^<]+)</option>");

    @Test
    void aFormLeftOpenPastItsTokenComesBackFilledInWithAFreshTokenThatWorks() {
        long before = PageClient.responses(Api.DEMO);
        PageClient.Session stale = PageClient.openForm(Api.DEMO, "uk");

        // Two hours later the browser no longer sends the anti-forgery cookie.
        Response refused = PageClient.withFields(PageClient.form().formParam(PageClient.CSRF_FIELD, stale.token()),
                PageClient.validDemoForm()).post(FORM + "?lang=uk");
        refused.then().statusCode(400).contentType(startsWith("text/html")).header("Cache-Control", "no-store");
        String html = refused.asString();
        assertTrue(html.contains("термін дії минув"), "says why the form is back");
        assertTrue(html.contains(">Мир понад усе</textarea>"), "the comment is kept");
        assertTrue(html.contains("<option value=\"UA-14\" selected>"), "the region is kept");
        assertTrue(html.contains("id=\"q-arrangement-dmz\" name=\"answers.arrangement\" value=\"dmz\" checked"));
        assertTrue(html.contains("value=\"eu\" checked") && html.contains("value=\"un\" checked"), "every choice is kept");
        assertEquals(before, PageClient.responses(Api.DEMO), "nothing stored from the refused post");

        String cookie = refused.getCookie(PageClient.CSRF_COOKIE);
        assertNotNull(cookie, "a fresh anti-forgery cookie comes with the form");
        Matcher token = TOKEN.matcher(html);
        assertTrue(token.find());
        assertNotEquals(stale.token(), token.group(1), "a fresh token, not the stale one");

        PageClient.withFields(PageClient.post(new PageClient.Session(cookie, token.group(1), html)), PageClient.validDemoForm())
                .post(FORM + "?lang=uk").then().statusCode(200);
        assertEquals(before + 1, PageClient.responses(Api.DEMO), "sending the re-shown form again works");
    }

    @Test
    void theThanksPageAndOtherPostsKeepThePlainErrorPage() {
        PageClient.form().formParam("x", "y").post(FORM + "/thanks?lang=en").then()
                .contentType(startsWith("text/html"))
                .body(containsString("<main"))
                .body(org.hamcrest.Matchers.not(containsString("survey-form")));
    }

    @Test
    void theServerIsTheOneVoiceAndTheSummaryLandsOnTheQuestion() {
        PageClient.Session session = PageClient.openForm(Api.DEMO, "uk");
        String blank = given().queryParam("lang", "uk").get(FORM).asString();
        assertTrue(blank.contains("class=\"survey-form\" novalidate>"), "no native bubbles in the browser's language");

        Map<String, List<String>> form = PageClient.validDemoForm();
        form.remove("region");
        form.remove("answers.arrangement");
        String html = PageClient.withFields(PageClient.post(session), form).post(FORM + "?lang=uk").then().statusCode(422)
                .extract().asString();
        assertTrue(html.contains("<a href=\"#region-question\">"), "the region's link lands on its label, hint and message");
        assertTrue(html.contains("<a href=\"#q-arrangement\">"), "a question's link lands on its fieldset and legend");
        assertTrue(html.contains("<fieldset id=\"q-arrangement\" tabindex=\"-1\""));
        assertTrue(html.contains("id=\"region-question\" tabindex=\"-1\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"uk", "ru", "en"})
    void regionsAreListedInTheReadersAlphabeticalOrder(String lang) {
        String html = given().queryParam("lang", lang).get(FORM).asString();
        List<String> names = new ArrayList<>();
        Matcher m = OPTION.matcher(html);
        while (m.find()) {
            names.add(m.group(2));
        }
        assertTrue(names.size() > 20, "the demo offers Ukraine's regions");
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Collator.getInstance(Locale.forLanguageTag(lang)));
        assertEquals(sorted, names);
    }

    @Test
    void aFormTooLargeToReadGetsAPageInTheReadersLanguage() {
        String huge = "ж".repeat(40_000);
        PageClient.form().header("Accept-Language", "uk").formParam("answers.comment", huge).post(FORM)
                .then().statusCode(413).contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"uk\">"))
                .body(containsString("Забагато тексту"));
        String en = PageClient.form().formParam("answers.comment", huge).post(FORM + "?lang=en")
                .then().statusCode(413).extract().asString();
        assertTrue(en.contains("<html lang=\"en\">"));
        assertFalse(en.contains("Request too large"));
    }
}
