package org.viche.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.json;
import static org.viche.support.Api.slug;
import static org.viche.support.Api.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SurveyResourceTest {

    @Test
    void adminCreatesADraftWithLocation() {
        String slug = slug("create");
        asAdmin().body(survey(slug, List.of("UA-14"))).post("/api/v1/surveys")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/surveys/" + slug))
                .body("slug", equalTo(slug))
                .body("status", equalTo("DRAFT"))
                .body("questions.key", hasItem("why_sez"));
    }

    @Test
    void creatingWithoutOrWithAWrongTokenIsUnauthorized() {
        Map<String, Object> body = survey(slug("noauth"), List.of("UA-14"));
        json().body(body).post("/api/v1/surveys").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        json().header("Authorization", "Bearer nonsense").body(body).post("/api/v1/surveys").then().statusCode(401)
                .contentType("application/problem+json");
        json().header("Authorization", "Basic YWRtaW46YWRtaW4=").body(body).post("/api/v1/surveys").then().statusCode(401);
    }

    @Test
    void aResearcherMayNotAuthor() {
        String researcher = asAdmin().body(Map.of("name", "r", "role", "researcher")).post("/api/v1/tokens")
                .then().statusCode(201).extract().path("token");
        json().header("Authorization", "Bearer " + researcher).body(survey(slug("res"), List.of("UA-14")))
                .post("/api/v1/surveys").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void reportsEveryProblemOfADefinitionAtOnce() {
        Map<String, Object> bad = new HashMap<>(survey("Bad Slug", List.of("UA-14", "UA-99")));
        bad.put("access", "SOMETIMES");
        asAdmin().body(bad).post("/api/v1/surveys")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("slug", "regions[1]", "access"));
    }

    @Test
    void duplicateSlugIsAConflict() {
        String slug = slug("dup");
        asAdmin().body(survey(slug, List.of("UA-14"))).post("/api/v1/surveys").then().statusCode(201);
        asAdmin().body(survey(slug, List.of("UA-14"))).post("/api/v1/surveys").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void lifecycleGoesDraftOpenClosedAndFreezesStructure() {
        String slug = slug("life");
        asAdmin().body(survey(slug, List.of("UA-14"))).post("/api/v1/surveys").then().statusCode(201);
        asAdmin().body(survey(slug, List.of("UA-14", "UA-09"))).put("/api/v1/surveys/" + slug)
                .then().statusCode(200).body("regions", containsInAnyOrder("UA-14", "UA-09"));
        asAdmin().post("/api/v1/surveys/" + slug + "/close").then().statusCode(409);
        asAdmin().post("/api/v1/surveys/" + slug + "/open").then().statusCode(200).body("status", equalTo("OPEN"));
        asAdmin().post("/api/v1/surveys/" + slug + "/open").then().statusCode(409);
        asAdmin().body(survey(slug, List.of("UA-14"))).put("/api/v1/surveys/" + slug).then().statusCode(409)
                .contentType("application/problem+json");
        asAdmin().post("/api/v1/surveys/" + slug + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        asAdmin().body(survey(slug, List.of("UA-14"))).put("/api/v1/surveys/" + slug).then().statusCode(409);
    }

    @Test
    void replacingCannotChangeTheSlug() {
        String slug = slug("rename");
        asAdmin().body(survey(slug, List.of("UA-14"))).post("/api/v1/surveys").then().statusCode(201);
        asAdmin().body(survey(slug + "-x", List.of("UA-14"))).put("/api/v1/surveys/" + slug).then().statusCode(422)
                .body("errors[0].field", equalTo("slug"));
    }

    @Test
    void draftsAreInvisibleToThePublicButListedForAdmins() {
        String slug = slug("draft");
        asAdmin().body(survey(slug, List.of("UA-14"))).post("/api/v1/surveys").then().statusCode(201);
        given().get("/api/v1/surveys/" + slug).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/surveys").then().statusCode(200).body("slug", not(hasItem(slug)));
        asAdmin().get("/api/v1/surveys").then().statusCode(200).body("slug", hasItem(slug));
        asAdmin().get("/api/v1/surveys/" + slug).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void openSurveysArePublic() {
        given().get("/api/v1/surveys").then().statusCode(200).body("slug", hasItem("demo-disputed-regions"));
        given().get("/api/v1/surveys/demo-disputed-regions").then().statusCode(200)
                .body("demo", equalTo(true))
                .body("title.uk", equalTo("[Демо] Майбутнє спірних територій"))
                .body("questions.size()", equalTo(7));
    }

    @Test
    void unknownSurveyIsNotFound() {
        given().get("/api/v1/surveys/no-such-survey").then().statusCode(404).contentType("application/problem+json");
        asAdmin().post("/api/v1/surveys/no-such-survey/open").then().statusCode(404);
    }
}
