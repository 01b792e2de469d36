package org.viche.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.viche.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class FormSubmissionTest {

    private static final String FORM = "/s/" + Api.DEMO;

    @Test
    void aValidFormLeadsToTheReceiptPage() {
        long before = PageClient.responses(Api.DEMO);
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");

        Response posted = PageClient.withFields(PageClient.post(session), PageClient.validDemoForm()).post(FORM + "?lang=en");
        // The receipt page is the answer to the POST itself: no redirect, so no address holds the receipt.
        posted.then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .header("Location", (String) null)
                .body(containsString("What the receipt is for"))
                .body(containsString("href=\"/s/" + Api.DEMO + "/results?lang=en\""))
                .body(containsString("<form method=\"post\" action=\"/verify?lang=en\""));
        String receipt = PageClient.receiptOf(posted.asString());
        assertTrue(PageClient.RECEIPT.matcher(receipt).matches());
        assertTrue(posted.asString().contains("<input type=\"hidden\" name=\"receipt\" value=\"" + receipt + "\">"));
        posted.getHeaders().getValues("Set-Cookie").forEach(cookie -> assertFalse(cookie.contains(receipt), cookie));
        assertEquals(before + 1, PageClient.responses(Api.DEMO));
    }

    private static final java.util.regex.Pattern SUBMISSION = java.util.regex.Pattern.compile(
            "name=\"submission\" value=\"([A-Za-z0-9_-]{22})\"");

    private static String submissionKey(String html) {
        Matcher key = SUBMISSION.matcher(html);
        assertTrue(key.find(), "the form carries a one-time submission key");
        return key.group(1);
    }

    @Test
    void theSameFormSentTwiceStoresOneResponseAndShowsTheFirstReceipt() {
        Response page = given().queryParam("lang", "en").get(FORM);
        String key = submissionKey(page.asString());
        assertFalse(key.equals(submissionKey(given().get(FORM).asString())), "every drawn form has its own key");
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");
        long before = PageClient.responses(Api.DEMO);

        // A double click: the same form, twice.
        Response first = PageClient.withFields(PageClient.post(session).formParam("submission", key), PageClient.validDemoForm())
                .post(FORM + "?lang=en");
        first.then().statusCode(303);
        Response second = PageClient.withFields(PageClient.post(session).formParam("submission", key), PageClient.validDemoForm())
                .post(FORM + "?lang=en");
        second.then().statusCode(303);
        assertEquals(first.getHeader("Location"), second.getHeader("Location"), "the first receipt, shown again");
        // Back, change an answer, send again: still that form's one submission.
        Map<String, List<String>> changed = new java.util.HashMap<>(PageClient.validDemoForm());
        changed.put("answers.trust", List.of("1"));
        Response resent = PageClient.withFields(PageClient.post(session).formParam("submission", key), changed)
                .post(FORM + "?lang=en");
        assertEquals(first.getHeader("Location"), resent.getHeader("Location"));
        assertEquals(before + 1, PageClient.responses(Api.DEMO));
    }

    @Test
    void aFormReShownAfterAnErrorKeepsItsSubmissionKey() {
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");
        String key = "AAAAAAAAAAAAAAAAAAAAAA";
        Map<String, List<String>> noRegion = new java.util.HashMap<>(PageClient.validDemoForm());
        noRegion.remove("region");
        String html = PageClient.withFields(PageClient.post(session).formParam("submission", key), noRegion)
                .post(FORM + "?lang=en").then().statusCode(422).extract().asString();
        assertEquals(key, submissionKey(html));
    }

    @Test
    void theFormAcceptsAnyTextUpToMaxLengthInCharactersAndReShowsOneTooLongWithTheAnswersKept() {
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");
        Map<String, List<String>> longest = new java.util.HashMap<>(PageClient.validDemoForm());
        longest.put("answers.comment", List.of("ї".repeat(2000)));
        PageClient.withFields(PageClient.post(session), longest).post(FORM + "?lang=en").then().statusCode(303);

        Map<String, List<String>> tooLong = new java.util.HashMap<>(PageClient.validDemoForm());
        String text = "ж".repeat(2001);
        tooLong.put("answers.comment", List.of(text));
        PageClient.withFields(PageClient.post(session), tooLong).post(FORM + "?lang=en").then().statusCode(422)
                .contentType(startsWith("text/html"))
                .body(containsString(text))
                .body(containsString("value=\"UA-14\" selected"));
    }

    @Test
    void aNulInAFormFieldReShowsTheForm() {
        long before = PageClient.responses(Api.DEMO);
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");
        Map<String, List<String>> nul = new java.util.HashMap<>(PageClient.validDemoForm());
        nul.put("answers.comment", List.of("a\u0000b"));
        PageClient.withFields(PageClient.post(session), nul).post(FORM + "?lang=en").then().statusCode(422)
                .contentType(startsWith("text/html"));
        assertEquals(before, PageClient.responses(Api.DEMO));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
        long before = PageClient.responses(Api.DEMO);
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");

        PageClient.withFields(PageClient.form().cookie(PageClient.CSRF_COOKIE, session.cookie()), PageClient.validDemoForm())
                .post(FORM + "?lang=en").then().statusCode(400)
                .contentType(startsWith("text/html"))
                .body(containsString("Your answers could not be accepted"));
        PageClient.withFields(PageClient.form().formParam(PageClient.CSRF_FIELD, session.token()), PageClient.validDemoForm())
                .post(FORM + "?lang=en").then().statusCode(400);
        PageClient.withFields(PageClient.form().cookie(PageClient.CSRF_COOKIE, session.cookie())
                        .formParam(PageClient.CSRF_FIELD, "forged-token-value-xx"), PageClient.validDemoForm())
                .post(FORM + "?lang=en").then().statusCode(400);
        assertEquals(before, PageClient.responses(Api.DEMO));
    }

    @Test
    void anInvalidFormComesBackWithMessagesNextToTheQuestionsAndKeepsEveryAnswer() {
        long before = PageClient.responses(Api.DEMO);
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");
        Map<String, List<String>> form = PageClient.validDemoForm();
        form.remove("answers.arrangement");
        form.put("answers.trust", List.of("9"));
        form.put("answers.priorities.peace", List.of("1"));
        form.put("answers.priorities.justice", List.of("1"));
        form.put("answers.comment", List.of("Keep this comment, please"));

        String html = PageClient.withFields(PageClient.post(session), form).post(FORM + "?lang=en").then()
                .statusCode(422)
                .header("Cache-Control", "no-store")
                .body(containsString("<title>Error: "))
                .body(containsString("There is a problem with your answers"))
                .extract().asString();

        String arrangement = PageClient.question(html, "arrangement");
        assertTrue(arrangement.contains("Answer this question."));
        assertTrue(arrangement.contains("aria-describedby=\"q-arrangement-error\""));
        assertTrue(arrangement.contains("aria-invalid=\"true\""));
        String trust = PageClient.question(html, "trust");
        assertTrue(trust.contains("Choose a value from 1 to 5."));
        String priorities = PageClient.question(html, "priorities");
        assertTrue(priorities.contains("Give each number to only one item."));
        assertFalse(PageClient.question(html, "referendum").contains("error-message"));

        assertTrue(html.contains("<a href=\"#q-arrangement\">Question 1: Answer this question.</a>"));
        assertTrue(html.contains("<a href=\"#q-trust\">Question 3: Choose a value from 1 to 5.</a>"));
        assertTrue(html.contains("<a href=\"#q-priorities\">Question 4: Give each number to only one item.</a>"));

        assertTrue(html.contains("value=\"UA-14\" selected>"), "region kept");
        assertTrue(PageClient.question(html, "referendum").contains("value=\"yes\" checked"), "radio kept");
        assertTrue(PageClient.question(html, "guarantees").contains("value=\"eu\" checked"), "checkbox kept");
        assertTrue(PageClient.question(html, "guarantees").contains("value=\"un\" checked"), "checkbox kept");
        assertFalse(PageClient.question(html, "guarantees").contains("value=\"us\" checked"));
        assertTrue(priorities.contains("name=\"answers.priorities.return\""));
        assertTrue(priorities.matches("(?s).*name=\"answers\\.priorities\\.return\"[^>]*>\\s*<option value=\"\">—</option>"
                + "<option value=\"1\">1</option><option value=\"2\">2</option><option value=\"3\" selected>.*"), "rank kept");
        assertTrue(PageClient.question(html, "comment").contains(">Keep this comment, please</textarea>"), "text kept");
        assertEquals(before, PageClient.responses(Api.DEMO));
    }

    @Test
    void messagesAreInThePageLanguage() {
        PageClient.Session session = PageClient.openForm(Api.DEMO, "ru");
        String html = PageClient.post(session).formParam("region", "").post(FORM + "?lang=ru").then().statusCode(422)
                .body(containsString("<html lang=\"ru\">"))
                .extract().asString();
        assertTrue(html.contains("<a href=\"#region-question\">Регион проживания: Выберите регион, в котором вы живёте.</a>"));
        assertTrue(PageClient.question(html, "arrangement").contains("Ответьте на этот вопрос."));
    }

    @Test
    void scriptInAnAnswerIsShownAsTextNeverRun() {
        PageClient.Session session = PageClient.openForm(Api.DEMO, "uk");
        String html = PageClient.post(session)
                .formParam("answers.comment", "<script>alert(1)</script> «Мій коментар»")
                .post(FORM + "?lang=uk").then().statusCode(422)
                .body(not(containsString("<script>alert")))
                .extract().asString();
        assertTrue(PageClient.question(html, "comment")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; «Мій коментар»</textarea>"));
    }

    @Test
    void aFormWithAnAnswerToAHiddenQuestionSaysWhichAnswerItDependsOn() {
        String slug = Api.openSurvey("web-hidden", List.of("UA-14"));
        PageClient.Session session = PageClient.openForm(slug, "en");
        String html = PageClient.post(session).formParam("region", "UA-14").formParam("answers.arrangement", "dmz")
                .formParam("answers.why_sez", "because").post("/s/" + slug).then().statusCode(422).extract().asString();
        assertTrue(PageClient.question(html, "why_sez").contains("This question applies only if you chose “Option sez” in question 1."));
        assertEquals(0, PageClient.responses(slug));
    }

    @Test
    void anOptionalChoiceCanBeTakenBackWithNoAnswer() {
        String slug = Api.openSurvey("web-noanswer", List.of("UA-14"));
        PageClient.Session session = PageClient.openForm(slug, "en");
        PageClient.post(session).formParam("region", "UA-14").formParam("answers.arrangement", "dmz")
                .formParam("answers.trust", "").post("/s/" + slug).then().statusCode(200);
        assertEquals(1, PageClient.responses(slug));
        Number trustAnswered = Api.asAdmin().get("/api/v1/surveys/" + slug + "/results").then()
                .extract().path("questions.find { it.key == 'trust' }.overall.n");
        assertEquals(0, trustAnswered.intValue());
    }

    @Test
    void aBadReceiptAddressIsNotFound() {
        given().get(FORM + "/thanks?r=not-a-receipt").then().statusCode(404).contentType(startsWith("text/html"));
        given().get(FORM + "/thanks").then().statusCode(404);
    }
}
