package org.viche.results;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.open;
import static org.viche.support.Api.openSurvey;
import static org.viche.support.Api.slug;
import static org.viche.support.Api.submit;
import static org.viche.support.Api.survey;
import static org.viche.support.Api.token;
import static org.viche.support.Api.withToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Public readers must not be able to difference two readings around one submission: they get
 * one stored snapshot per publish interval, the same on every instance, while admin and
 * researcher tokens follow every response.
 */
@QuarkusTest
class ResultsPublicationTest {

    private static final List<String> REGIONS = List.of("UA-14", "UA-09");

    @Inject
    DataSource dataSource;

    @Inject
    PublishedResults published;

    private static String results(String slug) {
        return "/api/v1/surveys/" + slug + "/results";
    }

    private static long csvArrangementTotal(String csv) {
        return csv.lines().filter(l -> l.startsWith("arrangement,ALL,"))
                .mapToLong(l -> Long.parseLong(l.split(",")[3])).sum();
    }

    @Test
    void publicReadersSeeOneSnapshotPerIntervalWhileAdminsAndResearchersSeeEveryResponse() {
        String slug = openSurvey("publish", REGIONS);
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        submit(slug, "UA-09", Map.of("arrangement", "dmz"));
        String firstPublished = given().get(results(slug)).then().statusCode(200)
                .extract().path("generatedAt");
        String firstCsv = given().get(results(slug) + ".csv").then().statusCode(200).extract().asString();

        submit(slug, "UA-09", Map.of("arrangement", "dmz"));

        given().get(results(slug)).then().statusCode(200)
                .body("generatedAt", equalTo(firstPublished));
        String partner = token("partner", slug);
        withToken(partner).get(results(slug)).then().statusCode(200).body("generatedAt", equalTo(firstPublished));
        assertEquals(firstCsv, given().get(results(slug) + ".csv").then().statusCode(200).extract().asString());

        asAdmin().get(results(slug)).then().statusCode(200).body("responses", equalTo(3))
                .header("Cache-Control", equalTo("private, no-store"));
        withToken(token("researcher")).get(results(slug)).then().statusCode(200).body("responses", equalTo(3));
        assertEquals(3, csvArrangementTotal(asAdmin().get(results(slug) + ".csv").then().statusCode(200).extract().asString()));
    }

    @Test
    void aStoredSnapshotReadsBackExactlyAsItWasComputed() {
        String slug = openSurvey("roundtrip", List.of("UA-14", "UA-09", "UA-30"));
        for (int i = 0; i < 3; i++) {
            submit(slug, "UA-14", Map.of("arrangement", "sez", "guarantees", List.of("us", "eu"), "trust", 1 + i,
                    "priorities", List.of("peace", "return"), "comment", "text " + i));
        }
        submit(slug, "UA-09", Map.of("arrangement", "dmz", "trust", 5));
        String computed = given().get(results(slug)).then().statusCode(200).extract().asString();
        String stored = given().get(results(slug)).then().statusCode(200).extract().asString();
        assertEquals(computed, stored);
    }

    @Test
    void aSnapshotOlderThanTheIntervalIsRepublished() throws SQLException {
        String slug = openSurvey("republish", REGIONS);
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        given().get(results(slug)).then().statusCode(200);
        // the cadence: minCellSize (2) new responses since the snapshot, and the interval
        submit(slug, "UA-14", Map.of("arrangement", "dmz"));
        submit(slug, "UA-14", Map.of("arrangement", "dmz"));

        execute("update viche.published_results set published_at = published_at - interval '61 seconds', "
                + "body = jsonb_set(body, '{generatedAt}', to_jsonb('2000-01-01T00:00:00Z'::text)) "
                + "where survey_id = (select id from viche.survey where slug = ?)", slug);

        String republished = given().get(results(slug)).then().statusCode(200)
                .extract().path("generatedAt");
        assertNotEquals("2000-01-01T00:00:00Z", republished);
    }

    @Test
    void everyInstanceServesTheSnapshotStoredInTheDatabase() throws SQLException {
        String slug = openSurvey("shared", REGIONS);
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        given().get(results(slug)).then().statusCode(200);

        // what another instance would see if it had published this body
        execute("update viche.published_results set body = jsonb_set(body, '{responses}', '777') "
                + "where survey_id = (select id from viche.survey where slug = ?)", slug);
        // within a second this instance serves the snapshot from memory; after it, the database's
        published.forgetMemos();

        given().get(results(slug)).then().statusCode(200).body("responses", equalTo(777));
    }

    @Test
    void aCrowdOfReadersIsServedFromMemoryWhileTheDatabaseIsReadInTheBackground() throws Exception {
        String slug = openSurvey("crowd-read", REGIONS);
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        long surveyId = surveyId(slug);
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        published.useClock(clock::get);
        try {
            given().get(results(slug)).then().statusCode(200);
            // what another instance would see if it had published this body
            execute("update viche.published_results set body = jsonb_set(body, '{responses}', '777') "
                    + "where survey_id = (select id from viche.survey where slug = ?)", slug);
            clock.addAndGet(PublishedResults.MEMO_LIFETIME.toNanos() - 1);
            given().get(results(slug)).then().statusCode(200).body("responses", not(equalTo(777)));
            assertFalse(published.isRefreshing(surveyId), "within its lifetime the memo is served as it is");

            // past it, the reader is still answered from memory at once, and the memo is refreshed behind it
            clock.addAndGet(1);
            given().get(results(slug)).then().statusCode(200).body("responses", not(equalTo(777)));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (published.isRefreshing(surveyId) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            given().get(results(slug)).then().statusCode(200).body("responses", equalTo(777));

            // a memo that could not be refreshed for STALE_LIMIT is not served: the reader waits for the database
            execute("update viche.published_results set body = jsonb_set(body, '{responses}', '778') "
                    + "where survey_id = (select id from viche.survey where slug = ?)", slug);
            clock.addAndGet(PublishedResults.STALE_LIMIT.toNanos());
            given().get(results(slug)).then().statusCode(200).body("responses", equalTo(778));
        } finally {
            published.useClock(System::nanoTime);
            published.forgetMemos();
        }
    }

    @Test
    void whenTwoInstancesRefreshAtOnceBothServeTheFirstSnapshotStored() throws SQLException {
        String slug = openSurvey("race", REGIONS);
        long surveyId = surveyId(slug);
        ResultsView competitor = new ResultsView(slug, 41L, OffsetDateTime.parse("2030-01-01T00:00:00Z"), 2, List.of(), List.of(), 0, Map.of(), null);
        ResultsView mine = new ResultsView(slug, 42L, OffsetDateTime.parse("2030-01-01T00:00:01Z"), 2, List.of(), List.of(), 0, Map.of(), null);

        ResultsView served = published.get(surveyId, Duration.ofMinutes(1), now -> {
            // another instance stores its snapshot while this one is still computing
            published.get(surveyId, Duration.ofMinutes(1), competitorNow -> competitor);
            return mine;
        });

        assertEquals(41L, served.responses());
        assertEquals(41L, published.get(surveyId, Duration.ofMinutes(1), now -> mine).responses());
    }

    @Test
    void afterCloseSurveysShowNoPublicResultsUntilClosed() {
        Map<String, Object> definition = new HashMap<>(survey(slug("after-close"), REGIONS));
        definition.put("results", Map.of("visibility", "AFTER_CLOSE", "minCellSize", 2));
        String slug = open(definition);
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        submit(slug, "UA-09", Map.of("arrangement", "sez"));

        given().get(results(slug)).then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
        given().get(results(slug) + ".csv").then().statusCode(403).contentType("application/problem+json");
        withToken(token("partner", slug)).get(results(slug)).then().statusCode(403);
        asAdmin().get(results(slug)).then().statusCode(200).body("responses", equalTo(2));
        withToken(token("researcher")).get(results(slug) + ".csv").then().statusCode(200);

        asAdmin().post("/api/v1/surveys/" + slug + "/close").then().statusCode(200);

        given().get(results(slug)).then().statusCode(200).body("perturbation.applied", equalTo(true));
        given().get(results(slug) + ".csv").then().statusCode(200);
    }

    private long surveyId(String slug) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select id from viche.survey where slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void execute(String sql, String slug) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, slug);
            assertEquals(1, statement.executeUpdate());
        }
    }
}
