package org.viche.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.viche.support.Api;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SurveyFormPageTest {

    private static final Pattern FIELDSET = Pattern.compile("(<fieldset[\\s\\S]*?</fieldset>)");
    private static final Pattern CONTROL_ID = Pattern.compile("<(?:input|select|textarea)[^>]*\\bid=\"([^\"]+)\"");
    private static final Pattern LABEL_FOR = Pattern.compile("<label[^>]*\\bfor=\"([^\"]+)\"");

    @ParameterizedTest
    @CsvSource({
        "uk, Донецька область, обов’язково, Оберіть не більше 3., Зовсім не довіряю",
        "ru, Донецкая область, обязательно, Выберите не более 3., Совсем не доверяю",
        "en, Donetsk Oblast, required, Choose up to 3., Not at all"})
    void demoFormShowsEveryQuestionAsALabelledFieldset(String lang, String donetsk, String required, String atMost,
            String scaleMin) {
        String html = given().queryParam("lang", lang).get("/s/" + Api.DEMO).then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("<html lang=\"" + lang + "\">"))
                .extract().asString();

        List<String> fieldsets = PageClient.all(FIELDSET, html);
        assertEquals(7, fieldsets.size(), "one fieldset per question of the demo");
        fieldsets.forEach(f -> assertTrue(f.contains("<legend"), "every fieldset has a legend"));

        List<String> labelled = PageClient.all(LABEL_FOR, html);
        List<String> controls = PageClient.all(CONTROL_ID, html);
        assertTrue(controls.size() > 25);
        controls.forEach(id -> assertTrue(labelled.contains(id), "input " + id + " has a label"));

        assertTrue(html.contains(">" + donetsk + "</option>"), "region names in the page language");
        assertTrue(PageClient.question(html, "arrangement").contains("(" + escape(required) + ")"),
                "required questions say so in words");
        assertFalse(PageClient.question(html, "guarantees").contains("(" + escape(required) + ")"));
        assertTrue(PageClient.question(html, "guarantees").contains(atMost));
        assertTrue(PageClient.question(html, "guarantees").contains("type=\"checkbox\""));
        assertTrue(PageClient.question(html, "trust").contains(scaleMin));
        assertEquals(5, PageClient.question(html, "priorities").split("<select").length - 1, "one position picker per option");
        assertTrue(PageClient.question(html, "comment").contains("maxlength=\"2000\""));
        assertTrue(html.contains("name=\"csrf-token\""));
        assertTrue(html.contains("<form method=\"post\" action=\"/s/" + Api.DEMO + "?lang=" + lang + "\""));
    }

    @Test
    void conditionalQuestionsSayWhenToAnswerThem() {
        String slug = Api.openSurvey("web-showif", List.of("UA-14"));
        String html = given().get("/s/" + slug).then().statusCode(200).extract().asString();
        assertTrue(PageClient.question(html, "why_sez").contains("Answer only if you chose “Option sez” in question 1."));
        assertTrue(PageClient.question(html, "why_sez").contains("aria-describedby=\"q-why_sez-hint\""));
    }

    @Test
    void aSurveyOnlyInEnglishIsShownInEnglishWhateverIsAsked() {
        String slug = Api.openSurvey("web-english", List.of("UA-14"));
        given().queryParam("lang", "uk").header("Accept-Language", "ru").get("/s/" + slug).then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("hreflang=\"en\""))
                .body(not(containsString("hreflang=\"ru\"")));
    }

    @Test
    void unknownAndDraftSurveysAreNotFoundPages() {
        given().get("/s/no-such-survey").then().statusCode(404)
                .contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"uk\">"))
                .body(containsString("Сторінку не знайдено"));
        String draft = Api.slug("web-draft");
        Api.asAdmin().body(Api.survey(draft, List.of("UA-14"))).post("/api/v1/surveys").then().statusCode(201);
        given().queryParam("lang", "en").get("/s/" + draft).then().statusCode(404)
                .body(containsString("Page not found"))
                .body(not(containsString("Test survey")));
    }

    @Test
    void aClosedSurveySaysSoAndHasNoForm() {
        String slug = Api.openSurvey("web-closed", List.of("UA-14"));
        PageClient.Session session = PageClient.openForm(slug, "en");
        Api.asAdmin().post("/api/v1/surveys/" + slug + "/close").then().statusCode(200);

        given().queryParam("lang", "en").get("/s/" + slug).then().statusCode(200)
                .body(containsString("This survey is closed"))
                .body(not(containsString("<form")));
        PageClient.post(session).formParam("region", "UA-14").formParam("answers.arrangement", "sez")
                .post("/s/" + slug + "?lang=en").then().statusCode(409)
                .body(containsString("This survey is closed"));
        assertEquals(0, PageClient.responses(slug));
    }

    @Test
    void anInvitationSurveyAsksForTheCode() {
        String slug = Api.slug("web-token");
        Map<String, Object> survey = new HashMap<>(Api.survey(slug, List.of("UA-14")));
        survey.put("access", "TOKEN");
        Api.asAdmin().body(survey).post("/api/v1/surveys").then().statusCode(201);
        Api.asAdmin().post("/api/v1/surveys/" + slug + "/open").then().statusCode(200);

        PageClient.Session session = PageClient.openForm(slug, "en");
        String html = PageClient.post(session).formParam("region", "UA-14").formParam("answers.arrangement", "dmz")
                .post("/s/" + slug).then().statusCode(422).extract().asString();
        assertTrue(html.contains("<label class=\"question-text\" for=\"invitation\">Invitation code"));
        assertTrue(html.contains("Enter your invitation code."));
        assertTrue(html.contains("href=\"#invitation-question\""));
        assertEquals(0, PageClient.responses(slug));
    }

    private static String escape(String text) {
        return text.replace("'", "&#39;");
    }
}
