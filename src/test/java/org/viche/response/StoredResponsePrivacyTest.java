package org.viche.response;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.json;
import static org.viche.support.Api.openSurvey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What a stored response row holds about its sender (docs/privacy.md, "someone with a copy of
 * the database"): anonymous retry keys are scoped per survey, not per client address, so
 * nothing derived from an address is stored with a response; its moment is kept to the hour.
 * Addresses are given as a trusted proxy (this machine) would give them.
 */
@QuarkusTest
class StoredResponsePrivacyTest {

    static final Map<String, Object> BODY = Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez", "trust", 3));

    @Inject
    DataSource dataSource;

    @Test
    void aRetryFromAnotherAddressReturnsTheFirstResultAndNoAddressHashIsStored() throws Exception {
        String slug = openSurvey("anon-idem", List.of("UA-14"));
        String key = "7f1c9a52-0b6f-4c55-9a43-2f8e2c1d7f10";
        String first = json().header("X-Forwarded-For", "198.51.100.7").header("Idempotency-Key", key).body(BODY)
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201).extract().path("id");
        // The phone moved to another network between the attempt and the retry.
        json().header("X-Forwarded-For", "203.0.113.9").header("Idempotency-Key", key).body(BODY)
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        // The same key with another body stores nothing and replays nothing.
        json().header("X-Forwarded-For", "203.0.113.9").header("Idempotency-Key", key)
                .body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "dmz")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(422);

        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select r.* from viche.response r join viche.survey s on s.id = r.survey_id where s.slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertEquals(IdempotencyKey.ANONYMOUS_SCOPE, rs.getString("idempotency_scope"));
                    ResultSetMetaData columns = rs.getMetaData();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        String value = rs.getString(c);
                        assertFalse(value != null && (value.contains("client:") || value.contains("198.51.100.7")
                                || value.contains("203.0.113.9")), columns.getColumnName(c) + " = " + value);
                    }
                }
                assertEquals(1, rows);
            }
        }
    }

    @Test
    void theSameKeyOnAnotherSurveyIsAnotherSubmission() {
        String one = openSurvey("anon-idem-a", List.of("UA-14"));
        String two = openSurvey("anon-idem-b", List.of("UA-14"));
        String a = json().header("Idempotency-Key", "shared-key-1").body(BODY)
                .post("/api/v1/surveys/" + one + "/responses").then().statusCode(201).extract().path("id");
        String b = json().header("Idempotency-Key", "shared-key-1").body(BODY)
                .post("/api/v1/surveys/" + two + "/responses").then().statusCode(201).extract().path("id");
        assertFalse(a.equals(b));
    }

    @Test
    void theMomentOfAResponseIsKeptToTheHourOnly() throws Exception {
        String slug = openSurvey("anon-hour", List.of("UA-14"));
        json().body(BODY).post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement("""
                select count(*) filter (where r.submitted_at = date_trunc('hour', r.submitted_at)), count(*)
                  from viche.response r join viche.survey s on s.id = r.survey_id where s.slug = ?""")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(2));
                assertEquals(1, rs.getInt(1), "no minute, second or microsecond is stored");
            }
        }
    }

    /**
     * The roll-up counts responses in order of arrival ({@code seq}); once counted and sealed a
     * response keeps no trace of that order — sealing erases it as it rewrites the rows in hash order.
     */
    @Test
    void sealingErasesTheOrderOfArrival() throws Exception {
        String slug = openSurvey("anon-order", List.of("UA-14"));
        for (int i = 0; i < 5; i++) {
            json().body(BODY).post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        }
        asAdmin().post("/api/v1/surveys/" + slug + "/close").then().statusCode(200); // seals what is left
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement("""
                select count(*) filter (where r.seq is not null), count(*) filter (where r.seal_id is not null), count(*)
                  from viche.response r join viche.survey s on s.id = r.survey_id where s.slug = ?""")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertEquals(5, rs.getInt(3));
                assertEquals(5, rs.getInt(2), "all sealed at close");
                assertEquals(0, rs.getInt(1), "no sealed response keeps its place in the order of arrival");
            }
        }
    }
}
