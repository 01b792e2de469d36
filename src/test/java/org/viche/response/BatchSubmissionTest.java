package org.viche.response;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.viche.support.Api.json;
import static org.viche.support.Api.openSurvey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.viche.support.Api;
import org.viche.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BatchSubmissionTest {

    private static Map<String, Object> item(String key, String region, Object arrangement) {
        return Map.of("idempotencyKey", key, "region", region, "answers", Map.of("arrangement", arrangement));
    }

    @Test
    void oneBadItemNeverRejectsTheOthers() {
        String slug = openSurvey("batch", List.of("UA-14", "UA-09"));
        String partner = Tokens.partner(slug);
        json().header("Authorization", "Bearer " + partner)
                .body(Map.of("items", List.of(item("a", "UA-14", "sez"), item("b", "UA-99", "sez"),
                        item("c", "UA-09", "nonsense"), item("d", "UA-09", "dmz"))))
                .post("/api/v1/surveys/" + slug + "/responses/batch")
                .then().statusCode(200)
                .body("results", hasSize(4))
                .body("results[0].status", equalTo(201)).body("results[0].id", notNullValue())
                .body("results[0].receipt", notNullValue())
                .body("results[1].status", equalTo(422)).body("results[1].problem.errors[0].field", equalTo("region"))
                .body("results[1].id", nullValue())
                .body("results[2].status", equalTo(422))
                .body("results[2].problem.errors[0].field", equalTo("answers.arrangement"))
                .body("results[3].status", equalTo(201));
        assertEquals(2, Api.storedResponses(slug));
    }

    @Test
    void retriedBatchStoresNothingTwiceAndKeepsIds() {
        String slug = openSurvey("batchretry", List.of("UA-14"));
        String partner = Tokens.partner(slug);
        Map<String, Object> body = Map.of("items", List.of(item("k1", "UA-14", "sez"), item("k2", "UA-14", "dmz")));
        List<String> first = json().header("Authorization", "Bearer " + partner).body(body)
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(200).extract().path("results.id");
        List<String> second = json().header("Authorization", "Bearer " + partner).body(body)
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(200).extract().path("results.id");
        assertEquals(first, second);
        assertEquals(2, Api.storedResponses(slug));
        // same key, other body → 422 for that item only
        json().header("Authorization", "Bearer " + partner)
                .body(Map.of("items", List.of(item("k1", "UA-14", "return"), item("k3", "UA-14", "return"))))
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(200)
                .body("results[0].status", equalTo(422)).body("results[1].status", equalTo(201));
        assertEquals(3, Api.storedResponses(slug));
    }

    @Test
    void duplicateKeysInsideOneBatchStoreOneResponse() {
        String slug = openSurvey("batchdup", List.of("UA-14"));
        String partner = Tokens.partner(slug);
        List<String> ids = json().header("Authorization", "Bearer " + partner)
                .body(Map.of("items", List.of(item("same", "UA-14", "sez"), item("same", "UA-14", "sez"))))
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(200)
                .body("results.status", equalTo(List.of(201, 201))).extract().path("results.id");
        assertEquals(ids.get(0), ids.get(1));
        assertEquals(1, Api.storedResponses(slug));
    }

    @Test
    void batchIsLimitedToAThousandItems() {
        String slug = openSurvey("batchbig", List.of("UA-14"));
        String partner = Tokens.partner(slug);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")));
        }
        json().header("Authorization", "Bearer " + partner).body(Map.of("items", items))
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("items"));
        json().header("Authorization", "Bearer " + partner).body(Map.of("items", List.of()))
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(400);
        assertEquals(0, Api.storedResponses(slug));
    }

    @Test
    void batchNeedsAPartnerScopedToTheSurveyOrAnAdmin() {
        String slug = openSurvey("batchauth", List.of("UA-14"));
        Map<String, Object> body = Map.of("items", List.of(item("x", "UA-14", "sez")));
        json().body(body).post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(401);
        json().header("Authorization", "Bearer " + Tokens.researcher()).body(body)
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(403);
        json().header("Authorization", "Bearer " + Tokens.partner("another-survey")).body(body)
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(403);
        assertEquals(0, Api.storedResponses(slug));
    }

    @Test
    void partnerSubmissionsAreAttributedToThePartner() {
        String slug = openSurvey("attrib", List.of("UA-14"));
        String partner = Tokens.partner(slug);
        json().header("Authorization", "Bearer " + partner)
                .body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "dmz")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        String researcher = Tokens.researcher();
        json().header("Authorization", "Bearer " + researcher).get("/api/v1/surveys/" + slug + "/results/by-source")
                .then().statusCode(200)
                .body("sources", hasSize(2))
                .body("sources.find { it.partner != null }.channel", equalTo("API"))
                .body("sources.find { it.partner != null }.partner", org.hamcrest.Matchers.startsWith("partner-"))
                .body("sources.find { it.partner != null }.results.responses", equalTo(1))
                .body("sources.find { it.partner == null }.results.responses", equalTo(1));
        json().get("/api/v1/surveys/" + slug + "/results/by-source").then().statusCode(401);
        json().header("Authorization", "Bearer " + partner).get("/api/v1/surveys/" + slug + "/results/by-source")
                .then().statusCode(403);
    }
}
