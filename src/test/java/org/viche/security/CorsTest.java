package org.viche.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The test profile allows https://partner.example; no other origin may call the API from a browser. */
@QuarkusTest
class CorsTest {

    @Test
    void configuredPartnerOriginMayCallTheApi() {
        given().header("Origin", "https://partner.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key")
                .options("/api/v1/surveys/demo-disputed-regions/responses")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://partner.example"))
                .header("Access-Control-Allow-Methods", containsString("POST"));
    }

    @Test
    void otherOriginsAreNotAllowed() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/surveys/demo-disputed-regions/responses")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
