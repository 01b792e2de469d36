package org.viche.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.json;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TokenResourceTest {

    @Test
    void issuesATokenWhoseSecretIsShownOnce() {
        String id = asAdmin().body(Map.of("name", "partner-kyiv-independent", "role", "partner",
                "surveys", List.of("demo-disputed-regions")))
                .post("/api/v1/tokens").then().statusCode(201)
                .body("token", startsWith("viche_"))
                .body("surveys", equalTo(List.of("demo-disputed-regions")))
                .extract().path("id");
        asAdmin().get("/api/v1/tokens").then().statusCode(200)
                .body("id", hasItem(id))
                .body("", everyItem(not(hasKey("token"))))
                .body("", everyItem(not(hasKey("secretHash"))));
    }

    @Test
    void revokedTokenStopsWorkingAtOnce() {
        var issued = asAdmin().body(Map.of("name", "temp-admin", "role", "admin"))
                .post("/api/v1/tokens").then().statusCode(201).extract();
        String secret = issued.path("token");
        String id = issued.path("id");
        json().header("Authorization", "Bearer " + secret).get("/api/v1/tokens").then().statusCode(200);
        asAdmin().delete("/api/v1/tokens/" + id).then().statusCode(200).body("revokedAt", notNullValue());
        json().header("Authorization", "Bearer " + secret).get("/api/v1/tokens").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsABadTokenRequestWithEveryField() {
        asAdmin().body(Map.of("role", "emperor", "surveys", List.of("x")))
                .post("/api/v1/tokens").then().statusCode(422)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("role"));
        asAdmin().body(Map.of("name", "r", "role", "researcher", "surveys", List.of("x")))
                .post("/api/v1/tokens").then().statusCode(422).body("errors[0].field", equalTo("surveys"));
    }

    @Test
    void onlyAdminsManageTokens() {
        String researcher = asAdmin().body(Map.of("name", "r", "role", "researcher"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        json().header("Authorization", "Bearer " + researcher).get("/api/v1/tokens").then().statusCode(403);
        json().get("/api/v1/tokens").then().statusCode(401);
        json().header("Authorization", "Bearer garbage").get("/api/v1/tokens").then().statusCode(401);
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() {
        asAdmin().delete("/api/v1/tokens/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        asAdmin().delete("/api/v1/tokens/not-a-uuid").then().statusCode(404);
    }

    @Test
    void partnerSubmissionsAreScopedToTheirSurveys() {
        String partner = asAdmin().body(Map.of("name", "p", "role", "partner", "surveys", List.of("some-other-survey")))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        json().header("Authorization", "Bearer " + partner)
                .body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")))
                .post("/api/v1/surveys/demo-disputed-regions/responses").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
