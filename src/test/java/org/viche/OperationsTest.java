package org.viche;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void livenessAndReadinessAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/q/metrics").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").get("/q/metrics").then().statusCode(401);
        given().header("Authorization", "Bearer test-metrics-token").get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests"));
    }

    @Test
    void openApiDescribesThePublicContract() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/surveys"))
                .body("paths", hasKey("/api/v1/surveys/{slug}/responses"))
                .body("paths", hasKey("/api/v1/surveys/{slug}/results"))
                .body("paths", hasKey("/api/v1/surveys/{slug}/results.csv"))
                .body("paths", hasKey("/api/v1/tokens"))
                .body("paths", hasKey("/api/v1/regions"))
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void regionsListTheUkrainianSchemeWithPopulations() {
        given().get("/api/v1/regions").then().statusCode(200)
                .body("find { it.code == 'UA' }.regions.size()", equalTo(29))
                // the two answers that are not places: counted and shown, never weighted
                .body("find { it.code == 'UA' }.regions.find { it.code == 'ABROAD' }.kind", equalTo("abroad"))
                .body("find { it.code == 'UA' }.regions.find { it.code == 'UNDISCLOSED' }.names.ru",
                        equalTo("Предпочитаю не указывать"))
                .body("find { it.code == 'UA' }.regions.find { it.code == 'UA-14' }.names.uk", equalTo("Донецька область"))
                .body("find { it.code == 'UA' }.regions.find { it.code == 'UA-14' }.population", equalTo(4059372));
        given().get("/api/v1/regions/XX").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownApiPathsAndMethodsAreProblems() {
        given().get("/api/v1/nothing").then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/v1/surveys").then().statusCode(405).contentType("application/problem+json");
    }
}
