package org.viche.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.viche.support.Api;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ResultsPageTest {

    /** A fresh open survey with its own results settings, so no other test's answers mix in. */
    private static String openSurvey(String prefix, List<String> regions, int minCellSize, String visibility) {
        String slug = Api.slug(prefix);
        Map<String, Object> survey = new HashMap<>(Api.survey(slug, regions));
        survey.put("results", Map.of("visibility", visibility, "minCellSize", minCellSize));
        Api.asAdmin().body(survey).post("/api/v1/surveys").then().statusCode(201);
        Api.asAdmin().post("/api/v1/surveys/" + slug + "/open").then().statusCode(200);
        return slug;
    }

    private static void answerByForm(String slug, String region, String arrangement, String trust, String comment) {
        PageClient.Session session = PageClient.openForm(slug, "en");
        PageClient.post(session).formParam("region", region).formParam("answers.arrangement", arrangement)
                .formParam("answers.trust", trust).formParam("answers.comment", comment)
                .formParam("answers.priorities.integrity", "1")
                .post("/s/" + slug).then().statusCode(200);
    }

    @Test
    void aFormAnswerShowsUpInTheResultsForItsRegion() {
        String slug = openSurvey("web-results", List.of("UA-14", "UA-46"), 1, "LIVE");
        answerByForm(slug, "UA-46", "dmz", "4", "a comment that is never shown");

        String html = given().queryParam("lang", "en").get("/s/" + slug + "/results").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("Responses: "))
                .body(not(containsString("a comment that is never shown")))
                .extract().asString();
        String arrangement = section(html, "arrangement");
        // public counts are perturbed (1 shows as 1 to 3), the shares of a lone dmz answer are not
        assertTrue(arrangement.matches("(?s).*<th scope=\"row\">Lviv Oblast</th>\\s*"
                + "<td class=\"num\" data-label=\"Answered \\(n\\)\"><span class=\"cell-value\">[123]</span></td>\\s*"
                + "<td class=\"num\" data-label=\"Option sez\"><span class=\"cell-value\">0\\.0%"
                + "<span class=\"cell-detail\">\\(0\\.0–\\d+\\.\\d\\)</span></span></td>"
                + "<td class=\"num\" data-label=\"Option dmz\"><span class=\"cell-value\">100\\.0%.*"),
                "Lviv's row: n, then each option's share and interval, each labelled with its column for phones");
        assertTrue(arrangement.contains("<summary>Regions without answers: 3</summary>"), "Donetsk, abroad, undisclosed");
        assertTrue(arrangement.contains("Donetsk Oblast"));
        assertTrue(arrangement.contains("All regions, weighted to population"));
        assertTrue(arrangement.matches("(?s).*as precise as (1 answer|[23] answers).*"), "the effective n, rounded, in plain words");
        assertTrue(arrangement.contains("perturbed by up to ±2"), "every table says its counts are perturbed");
        assertTrue(section(html, "trust").contains("<span class=\"cell-value\">4.00</span>"), "the mean of the scale");
        assertTrue(section(html, "trust").contains("<path class=\"chart-interval\""), "the scale's chart has whiskers too");
        assertTrue(section(html, "trust").contains("The thin line across each bar is the 95% interval"),
                "and says what they are");
        assertTrue(section(html, "priorities").contains("average score 2.00"), "integrity ranked first of three: 2 points");
        assertFalse(section(html, "priorities").contains("Borda"), "plain words on the page, no Borda points");
        assertTrue(section(html, "comment").matches("(?s).*Answered: [123]\\..*"));
        assertTrue(section(html, "comment").contains("Written answers are never published"));
    }

    @Test
    void choiceQuestionsHaveAChartWithATextAlternative() {
        String slug = openSurvey("web-chart", List.of("UA-14"), 1, "LIVE");
        answerByForm(slug, "UA-14", "sez", "2", "");
        String arrangement = section(given().get("/s/" + slug + "/results").then().statusCode(200).extract().asString(),
                "arrangement");
        assertTrue(arrangement.contains("<svg class=\"chart-svg\" role=\"img\" aria-labelledby=\"chart-arrangement-title\""));
        assertTrue(arrangement.contains("<title id=\"chart-arrangement-title\">Chart for question 1: share of those who "
                + "answered this question choosing each option (unweighted). The figures are in the table below.</title>"));
        // public counts are perturbed: one answer shows as 1 to 3
        assertTrue(arrangement.matches("(?s).*<figcaption><p>Share of those who answered, for each option, unweighted. "
                + "Answered: [123]\\.</p><p class=\"hint\">The thin line across each bar is the 95% interval.*"),
                "a visible caption with n");
        assertTrue(arrangement.contains(">Option sez</text>"));
    }

    @Test
    void figuresFollowThePageLanguagesNumberFormat() {
        String slug = Api.slug("web-format");
        Map<String, String> yes = Map.of("uk", "Так");
        Map<String, Object> survey = Map.of("slug", slug, "title", Map.of("uk", "Опитування"), "regionScheme", "UA",
                "regions", List.of("UA-14"),
                "questions", List.of(Map.of("key", "agree", "type", "SINGLE_CHOICE", "text", Map.of("uk", "Згодні?"),
                        "options", List.of(Map.of("key", "yes", "text", yes), Map.of("key", "no", "text", Map.of("uk", "Ні"))))),
                "results", Map.of("visibility", "LIVE", "minCellSize", 1));
        Api.asAdmin().body(survey).post("/api/v1/surveys").then().statusCode(201);
        Api.asAdmin().post("/api/v1/surveys/" + slug + "/open").then().statusCode(200);
        Api.json().body(Map.of("region", "UA-14", "answers", Map.of("agree", "yes")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);

        given().queryParam("lang", "uk").get("/s/" + slug + "/results").then().statusCode(200)
                .body(containsString("<html lang=\"uk\">"))
                .body(containsString("100,0\u00a0%"))
                .body(containsString("Донецька область"));
    }

    @Test
    void smallCellsAreHiddenAndSaidSoInWords() {
        String slug = openSurvey("web-small", List.of("UA-14", "UA-46"), 5, "LIVE");
        answerByForm(slug, "UA-14", "return", "5", "");
        String html = given().queryParam("lang", "en").get("/s/" + slug + "/results").then().statusCode(200)
                .extract().asString();
        String arrangement = section(html, "arrangement");
        assertTrue(arrangement.contains("Hidden to protect respondents: fewer than 5 answers here"), "the overall row");
        assertTrue(arrangement.contains("<p class=\"hint hidden-regions\">Hidden to protect those who answered "
                + "(too few answers): Donetsk Oblast"), "hidden regions in one short line, not one row each");
        assertFalse(arrangement.contains("<th scope=\"row\">Donetsk Oblast</th>"));
        assertTrue(!arrangement.contains("100.0%") && !arrangement.contains("<svg"), "no figure of a hidden cell");
    }

    @Test
    void theMethodologyAndTheDataAreLinked() {
        given().queryParam("lang", "en").get("/s/" + Api.DEMO + "/results").then().statusCode(200)
                .body(containsString("How this survey was done"))
                .body(containsString("Viche project (demonstration only)"))
                .body(containsString("Residents of Ukraine aged 18 and over"))
                .body(containsString("not a margin of error for the population"))
                .body(containsString("href=\"/api/v1/surveys/" + Api.DEMO + "/results.csv\""))
                .body(containsString("href=\"/api/v1/surveys/" + Api.DEMO + "/results\""));
    }

    @Test
    void resultsPublishedAfterCloseAreNotShownWhileOpen() {
        String slug = openSurvey("web-later", List.of("UA-14"), 1, "AFTER_CLOSE");
        answerByForm(slug, "UA-14", "sez", "1", "");
        given().queryParam("lang", "en").get("/s/" + slug + "/results").then().statusCode(200)
                .body(containsString("will be published when it closes"))
                .body(not(containsString("<table class=\"results\"")));
    }

    @Test
    void aClosedSurveySaysNobodyAnsweredRatherThanNotYetAndTellsTimeInWords() {
        String slug = openSurvey("web-closed", List.of("UA-14"), 1, "LIVE");
        answerByForm(slug, "UA-14", "sez", "1", "");
        String open = given().queryParam("lang", "en").get("/s/" + slug + "/results").asString();
        assertTrue(section(open, "guarantees").contains("No answers yet."));
        Api.asAdmin().post("/api/v1/surveys/" + slug + "/close").then().statusCode(200);

        String closed = given().queryParam("lang", "en").get("/s/" + slug + "/results").then().statusCode(200)
                .extract().asString();
        assertTrue(section(closed, "guarantees").contains("Nobody answered this question."));
        assertFalse(closed.contains("No answers yet."));
        assertTrue(closed.matches("(?s).*Figures as of \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} UTC\\..*"), "time in words");
        String uk = given().queryParam("lang", "uk").get("/s/" + Api.DEMO + "/results").asString();
        assertTrue(uk.matches("(?s).*Дані станом на \\d{1,2} [а-яі]+ \\d{4}, \\d{2}:\\d{2} UTC\\..*"), "time in Ukrainian words");
    }

    /** One question's section of the results page. */
    private static String section(String html, String key) {
        int start = html.indexOf("<section class=\"result\" id=\"result-" + key + "\"");
        assertTrue(start >= 0, "no results section for " + key);
        return html.substring(start, html.indexOf("</section>", start));
    }
}
