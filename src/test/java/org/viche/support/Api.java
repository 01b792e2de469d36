package org.viche.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Shorthands shared by the endpoint tests. */
public final class Api {

    /** Set in the %test profile as viche.bootstrap-admin-token. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
    public static final String DEMO = "demo-disputed-regions";

    private Api() {
    }

    public static RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    public static RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** Issues a token of {@code role} (partners get {@code surveys}); returns its secret. */
    public static String token(String role, String... surveys) {
        Map<String, Object> request = role.equals("partner")
                ? Map.of("name", role + "-test", "role", role, "surveys", List.of(surveys))
                : Map.of("name", role + "-test", "role", role);
        return asAdmin().body(request).post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    /** A unique slug, so tests never collide with each other's surveys. */
    public static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, String> en(String text) {
        return Map.of("en", text);
    }

    /** A small valid survey with one question of every type, in English only. */
    public static Map<String, Object> survey(String slug, List<String> regions) {
        return Map.of(
                "slug", slug,
                "title", en("Test survey"),
                "regionScheme", "UA",
                "regions", regions,
                "access", "OPEN",
                "questions", List.of(
                        Map.of("key", "arrangement", "type", "SINGLE_CHOICE", "required", true, "text", en("Arrangement?"),
                                "options", List.of(option("sez"), option("dmz"), option("return"))),
                        Map.of("key", "guarantees", "type", "MULTIPLE_CHOICE", "maxChoices", 2, "text", en("Guarantees?"),
                                "options", List.of(option("us"), option("eu"), option("un"))),
                        Map.of("key", "trust", "type", "SCALE", "min", 1, "max", 5, "text", en("Trust?")),
                        Map.of("key", "priorities", "type", "RANKING", "text", en("Priorities?"),
                                "options", List.of(option("peace"), option("integrity"), option("return"))),
                        Map.of("key", "comment", "type", "TEXT", "maxLength", 50, "text", en("Comment?")),
                        Map.of("key", "why_sez", "type", "TEXT", "text", en("Why?"),
                                "showIf", Map.of("question", "arrangement", "anyOf", List.of("sez")))),
                "results", Map.of("visibility", "LIVE", "minCellSize", 2));
    }

    public static Map<String, Object> option(String key) {
        return Map.of("key", key, "text", en("Option " + key));
    }

    /** How many responses a survey holds, as an admin sees it (current figures). */
    public static int storedResponses(String slug) {
        return asAdmin().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200).extract().path("responses");
    }

    /** Creates and opens {@link #survey}; returns its slug. */
    public static String openSurvey(String prefix, List<String> regions) {
        return open(survey(slug(prefix), regions));
    }

    /** Creates and opens a survey from a definition; returns its slug. */
    public static String open(Map<String, Object> definition) {
        String slug = (String) definition.get("slug");
        asAdmin().body(definition).post("/api/v1/surveys").then().statusCode(201);
        asAdmin().post("/api/v1/surveys/" + slug + "/open").then().statusCode(200);
        return slug;
    }

    /** Submits one anonymous response and expects it stored. */
    public static void submit(String slug, String region, Map<String, Object> answers) {
        json().body(Map.of("region", region, "answers", answers)).post("/api/v1/surveys/" + slug + "/responses")
                .then().statusCode(201);
    }
}
