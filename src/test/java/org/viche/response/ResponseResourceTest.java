package org.viche.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.json;
import static org.viche.support.Api.openSurvey;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ResponseResourceTest {

    static final Map<String, Object> VALID = Map.of("region", "UA-14", "language", "en", "answers",
            Map.of("arrangement", "sez", "guarantees", List.of("us", "eu"), "trust", 4,
                    "priorities", List.of("peace", "integrity"), "comment", "ok", "why_sez", "jobs"));

    static int responses(String slug) {
        return org.viche.support.Api.storedResponses(slug);
    }

    @Test
    void acceptedResponseIsCommittedAndGetsAReceipt() {
        String slug = openSurvey("resp", List.of("UA-14", "UA-09"));
        json().body(VALID).post("/api/v1/surveys/" + slug + "/responses")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("receipt", matchesPattern("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"));
        assertEquals(1, responses(slug));
    }

    @Test
    void languageDefaultsToTheSurveysFirst() {
        String slug = openSurvey("lang", List.of("UA-14"));
        json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "dmz")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        json().body(Map.of("region", "UA-14", "language", "de", "answers", Map.of("arrangement", "dmz")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(422)
                .body("errors[0].field", equalTo("language"));
    }

    private static void refusedAndNothingStored(String slug, Object body, int status) {
        int before = responses(slug);
        json().body(body).post("/api/v1/surveys/" + slug + "/responses")
                .then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", notNullValue())
                .body(not(org.hamcrest.Matchers.containsString("Exception")));
        assertEquals(before, responses(slug));
    }

    @Test
    void invalidAnswersAreRefusedWithEveryFieldNamed() {
        String slug = openSurvey("bad", List.of("UA-14"));
        Map<String, Object> body = Map.of("region", "UA-09", "answers",
                Map.of("trust", 9, "mood", "good", "guarantees", List.of("us", "eu", "un")));
        json().body(body).post("/api/v1/surveys/" + slug + "/responses")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("region", "answers.arrangement", "answers.trust",
                        "answers.mood", "answers.guarantees"));
        assertEquals(0, responses(slug));
    }

    @Test
    void answerToAHiddenQuestionIsRefused() {
        String slug = openSurvey("hidden", List.of("UA-14"));
        refusedAndNothingStored(slug, Map.of("region", "UA-14",
                "answers", Map.of("arrangement", "dmz", "why_sez", "because")), 422);
    }

    @Test
    void regionOutsideTheSurveyIsRefused() {
        String slug = openSurvey("region", List.of("UA-14"));
        refusedAndNothingStored(slug, Map.of("region", "UA-30", "answers", Map.of("arrangement", "dmz")), 422);
        refusedAndNothingStored(slug, Map.of("answers", Map.of("arrangement", "dmz")), 422);
    }

    @Test
    void closedAndDraftSurveysRefuseResponses() {
        String slug = openSurvey("closed", List.of("UA-14"));
        asAdmin().post("/api/v1/surveys/" + slug + "/close").then().statusCode(200);
        refusedAndNothingStored(slug, VALID, 409);

        String draft = org.viche.support.Api.slug("draft");
        asAdmin().body(org.viche.support.Api.survey(draft, List.of("UA-14"))).post("/api/v1/surveys").then().statusCode(201);
        json().body(VALID).post("/api/v1/surveys/" + draft + "/responses").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsABadRequest() {
        String slug = openSurvey("malformed", List.of("UA-14"));
        refusedAndNothingStored(slug, "{\"region\": \"UA-14\", \"answers\": {", 400);
    }

    @Test
    void wrongTypesAreBadRequestsNamingTheField() {
        String slug = openSurvey("types", List.of("UA-14"));
        json().body("{\"region\": [\"UA-14\"], \"answers\": {\"arrangement\": \"sez\"}}")
                .post("/api/v1/surveys/" + slug + "/responses")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("region"));
        refusedAndNothingStored(slug, "[1, 2, 3]", 400);
        refusedAndNothingStored(slug, "\"just a string\"", 400);
    }

    @Test
    void emptyBodyIsABadRequest() {
        String slug = openSurvey("empty", List.of("UA-14"));
        int before = responses(slug);
        given().contentType(ContentType.JSON).post("/api/v1/surveys/" + slug + "/responses")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, responses(slug));
    }

    @Test
    void wrongContentTypeIsRefused() {
        String slug = openSurvey("ctype", List.of("UA-14"));
        given().contentType(ContentType.TEXT).body("region=UA-14").post("/api/v1/surveys/" + slug + "/responses")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType(ContentType.URLENC).formParam("region", "UA-14")
                .post("/api/v1/surveys/" + slug + "/responses")
                .then().statusCode(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.greaterThanOrEqualTo(400),
                        org.hamcrest.Matchers.lessThan(500)))
                .contentType("application/problem+json");
        assertEquals(0, responses(slug));
    }

    @Test
    void oversizedBodyIsRefused() {
        String slug = openSurvey("big", List.of("UA-14"));
        String huge = "x".repeat(70 * 1024);
        json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez", "why_sez", huge)))
                .post("/api/v1/surveys/" + slug + "/responses")
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(0, responses(slug));
    }

    @Test
    void textLongerThanMaxLengthIsRefused() {
        String slug = openSurvey("long", List.of("UA-14"));
        refusedAndNothingStored(slug, Map.of("region", "UA-14",
                "answers", Map.of("arrangement", "dmz", "comment", "y".repeat(51))), 422);
    }

    @Test
    void nulCharactersAreRefusedNotAServerError() {
        String slug = openSurvey("nul", List.of("UA-14"));
        refusedAndNothingStored(slug, "{\"region\": \"UA-14\\u0000\", \"answers\": {\"arrangement\": \"dmz\"}}", 422);
        refusedAndNothingStored(slug, "{\"region\": \"UA-14\", \"answers\": {\"arrangement\": \"dmz\", \"comment\": \"a\\u0000\"}}",
                422);
    }

    @Test
    void idempotentRetryReturnsTheFirstResultAndStoresNothingNew() {
        String slug = openSurvey("idem", List.of("UA-14"));
        String firstId = json().header("Idempotency-Key", "retry-1").body(VALID)
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201).extract().path("id");
        json().header("Idempotency-Key", "retry-1").body(VALID)
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201).body("id", equalTo(firstId));
        assertEquals(1, responses(slug));
        Map<String, Object> other = Map.of("region", "UA-14", "answers", Map.of("arrangement", "dmz"));
        json().header("Idempotency-Key", "retry-1").body(other)
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(422)
                .contentType("application/problem+json");
        assertEquals(1, responses(slug));
    }

    @Test
    void malformedIdempotencyKeyIsRefused() {
        String slug = openSurvey("idemkey", List.of("UA-14"));
        json().header("Idempotency-Key", "x".repeat(201)).body(VALID)
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, responses(slug));
    }

    @Test
    void tokenSurveyNeedsAnInvitation() {
        String slug = org.viche.support.Api.slug("token");
        Map<String, Object> definition = new java.util.HashMap<>(org.viche.support.Api.survey(slug, List.of("UA-14")));
        definition.put("access", "TOKEN");
        asAdmin().body(definition).post("/api/v1/surveys").then().statusCode(201);
        asAdmin().post("/api/v1/surveys/" + slug + "/open").then().statusCode(200);
        refusedAndNothingStored(slug, Map.of("region", "UA-14", "answers", Map.of("arrangement", "dmz")), 403);
        refusedAndNothingStored(slug, Map.of("region", "UA-14", "invitation", "NOPE-NOPE",
                "answers", Map.of("arrangement", "dmz")), 409);
    }
}
