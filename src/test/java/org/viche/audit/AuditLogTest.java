package org.viche.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.asAdmin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.viche.support.Api;
import org.viche.support.AuditTrail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AuditLogTest {

    @Inject
    DataSource dataSource;

    @Test
    void surveyLifecycleIsRecordedWithTheActingToken() {
        JsonPath issued = asAdmin().body(Map.of("name", "author-" + Api.slug("a"), "role", "admin"))
                .post("/api/v1/tokens").then().statusCode(201).extract().jsonPath();
        String author = issued.getString("token");
        long before = AuditTrail.lastId();
        String slug = Api.slug("audited");
        as(author).body(Api.survey(slug, List.of("UA-14"))).post("/api/v1/surveys").then().statusCode(201);
        as(author).body(Api.survey(slug, List.of("UA-14", "UA-09"))).put("/api/v1/surveys/" + slug).then().statusCode(200);
        as(author).post("/api/v1/surveys/" + slug + "/open").then().statusCode(200);
        as(author).post("/api/v1/surveys/" + slug + "/close").then().statusCode(200);

        JsonPath page = asAdmin().get("/api/v1/audit?after=" + before).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = page.<Map<String, Object>>getList("events").stream()
                .filter(e -> slug.equals(e.get("subject"))).toList();
        assertEquals(List.of("SURVEY_CREATED", "SURVEY_REPLACED", "SURVEY_OPENED", "SURVEY_CLOSED"),
                mine.stream().map(e -> e.get("action")).toList());
        for (Map<String, Object> event : mine) {
            assertEquals(Map.of("id", issued.getString("id"), "name", issued.getString("name")), event.get("actor"));
        }
    }

    @Test
    void tokenIssueAndRevokeAreRecordedWithoutTheSecret() {
        long before = AuditTrail.lastId();
        JsonPath issued = asAdmin().body(Map.of("name", "reader", "role", "researcher"))
                .post("/api/v1/tokens").then().statusCode(201).extract().jsonPath();
        asAdmin().delete("/api/v1/tokens/" + issued.getString("id")).then().statusCode(200);
        asAdmin().delete("/api/v1/tokens/" + issued.getString("id")).then().statusCode(200);

        String body = asAdmin().get("/api/v1/audit?after=" + before).then().statusCode(200).extract().asString();
        JsonPath page = JsonPath.from(body);
        assertEquals(List.of("TOKEN_ISSUED", "TOKEN_REVOKED"), page.getList("events.action"),
                "a second revocation changes nothing and records nothing");
        assertEquals(issued.getString("id"), page.getString("events[0].subject"));
        assertEquals("researcher", page.getString("events[0].details.role"));
        assertFalse(body.contains(issued.getString("token")), "the secret never reaches the log");
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        long before = AuditTrail.lastId();
        for (int i = 0; i < 3; i++) {
            asAdmin().body(Map.of("name", "paged-" + i, "role", "researcher")).post("/api/v1/tokens").then().statusCode(201);
        }
        JsonPath first = asAdmin().get("/api/v1/audit?limit=2&after=" + before).then().statusCode(200).extract().jsonPath();
        assertEquals(2, first.getList("events").size());
        long next = first.getLong("next");
        JsonPath second = asAdmin().get("/api/v1/audit?limit=2&after=" + next).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("paged-2"), second.getList("events.details.name"));
        assertEquals(List.of("paged-0", "paged-1"), first.getList("events.details.name"));
        assertTrue(second.get("next") == null, "a short page is the last one");
    }

    @Test
    void badPagingParametersAreProblems() {
        asAdmin().get("/api/v1/audit?limit=0").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        asAdmin().get("/api/v1/audit?after=abc").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void theTableRefusesUpdateDeleteAndTruncate() throws SQLException {
        asAdmin().body(Map.of("name", "x", "role", "researcher")).post("/api/v1/tokens").then().statusCode(201);
        for (String sql : List.of("update viche.audit_event set action = 'FORGED'", "delete from viche.audit_event",
                "truncate viche.audit_event")) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
        assertTrue(AuditTrail.lastId() > 0, "nothing was removed");
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
