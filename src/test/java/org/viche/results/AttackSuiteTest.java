package org.viche.results;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.en;
import static org.viche.support.Api.open;
import static org.viche.support.Api.option;
import static org.viche.support.Api.slug;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The attacks of issue 11, run against the service's own public outputs (anonymous readers of
 * the results API). Each must recover nothing exact about a hidden cell.
 */
@QuarkusTest
@TestProfile(AttackSuiteTest.NoQuarantine.class)
class AttackSuiteTest {

    /** An attacker here is a patient one: bursts of identical answers are not what is being tested. */
    public static class NoQuarantine implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("viche.quarantine.enabled", "false");
        }
    }

    private static final List<String> REGIONS = List.of("UA-14", "UA-09", "UA-23", "UA-30");

    @Inject
    DataSource dataSource;

    @Inject
    PublishedResults published;

    private static Map<String, Object> definition(String slug) {
        return Map.of(
                "slug", slug, "title", en("Attack"), "regionScheme", "UA", "regions", REGIONS, "access", "OPEN",
                "questions", List.of(
                        Map.of("key", "arrangement", "type", "SINGLE_CHOICE", "required", true, "text", en("Arrangement?"),
                                "options", List.of(option("sez"), option("dmz"))),
                        Map.of("key", "why", "type", "SINGLE_CHOICE", "text", en("Why?"),
                                "options", List.of(option("money"), option("peace")),
                                "showIf", Map.of("question", "arrangement", "anyOf", List.of("sez")))),
                "results", Map.of("visibility", "LIVE", "minCellSize", 10));
    }

    /** Submits {@code count} responses into a region through the batch endpoint (admin token). */
    private static void submit(String slug, String region, String arrangement, int count) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> answers = new HashMap<>();
            answers.put("arrangement", arrangement);
            if (arrangement.equals("sez")) {
                answers.put("why", "peace");
            }
            items.add(Map.of("idempotencyKey", java.util.UUID.randomUUID().toString(), "region", region,
                    "language", "en", "answers", answers));
        }
        asAdmin().body(Map.of("items", items)).post("/api/v1/surveys/" + slug + "/responses/batch")
                .then().statusCode(200);
    }

    private static JsonPath published(String slug) {
        return given().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200).extract().jsonPath();
    }

    private static TreeSet<String> hidden(JsonPath results, String question) {
        return new TreeSet<>(results.<String>getList(
                "questions.find { it.key == '" + question + "' }.byRegion.findAll { it.suppressed }.region"));
    }

    /** Makes the stored public snapshot look older than the publish interval. */
    private void age(String slug) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update viche.published_results set published_at = "
                        + "published_at - interval '2 hours' where survey_id = (select id from viche.survey where slug = ?)")) {
            s.setString(1, slug);
            s.executeUpdate();
        }
        published.forgetMemos();
    }

    /** Counts c that, with some cell key, could have been published as {@code shown} after adding {@code added}. */
    private static TreeSet<Long> candidates(long shown, long added) {
        TreeSet<Long> candidates = new TreeSet<>();
        for (long c = 0; c <= shown + CellKeys.MAX_ABS; c++) {
            for (int key = 0; key < CellKeys.KEYS; key++) {
                if (CellKeys.perturb(c + added, key) == shown) {
                    candidates.add(c);
                }
            }
        }
        return candidates;
    }

    @Test
    void aFollowUpQuestionDoesNotRevealItsParentsHiddenCells() {
        String slug = open(definition(slug("followup")));
        // UA-14: 14 respondents but only 3 chose sez, so only 3 answered the follow-up there
        submit(slug, "UA-14", "sez", 3);
        submit(slug, "UA-14", "dmz", 11);
        submit(slug, "UA-09", "sez", 14);
        submit(slug, "UA-09", "dmz", 3);
        submit(slug, "UA-23", "sez", 15);
        submit(slug, "UA-30", "sez", 16);

        JsonPath results = published(slug);
        TreeSet<String> child = hidden(results, "why");
        assertTrue(child.contains("UA-14"), "3 follow-up answers are a small cell");
        assertEquals(child, hidden(results, "arrangement"),
                "the parent hides what the child hides: the child's n per region is the parent's sez count");
        assertEquals(child, new TreeSet<>(results.<String>getList(
                "questions.find { it.key == 'arrangement' }.overall.weighted.pooledRegions")));
    }

    @Test
    void aLoneSmallRegionCannotBeReadOffTheTotalAndTheZeros() {
        String slug = open(definition(slug("lone")));
        submit(slug, "UA-09", "sez", 3);

        JsonPath results = published(slug);
        assertNull(results.get("responses"), "a total below minCellSize is hidden");
        assertEquals(Boolean.TRUE, results.get("responsesSuppressed"));
        assertTrue(results.<Boolean>getList("regions.suppressed").stream().allMatch(b -> b),
                "zero regions are hidden with the lone small one");
        for (String q : List.of("arrangement", "why")) {
            assertEquals(new TreeSet<>(REGIONS.subList(0, 4)), new TreeSet<>(hidden(results, q)) {
                {
                    retainAll(REGIONS);
                }
            }, q + ": no region shows 0 beside the hidden one");
            assertEquals(Boolean.TRUE, results.get("questions.find { it.key == '" + q + "' }.overall.suppressed"));
        }
    }

    @Test
    void twoSnapshotsAroundOneResponseAreTheSameSnapshot() throws SQLException {
        String slug = open(definition(slug("difference")));
        submit(slug, "UA-14", "sez", 12);
        submit(slug, "UA-09", "dmz", 12);
        String before = given().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200).extract().asString();

        submit(slug, "UA-09", "sez", 1);
        age(slug);
        String after = given().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200).extract().asString();
        assertEquals(before, after, "one new response, even after the interval, publishes nothing new");

        submit(slug, "UA-14", "dmz", 9);
        age(slug);
        String next = given().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200).extract().asString();
        assertNotEquals(before, next, "minCellSize new responses and the interval: a new snapshot");
    }

    @Test
    void theWeightedShareAndEffectiveSizeRevealOnlyThePooledGroup() {
        // the same visible regions, and the same pooled group split two ways between the hidden regions
        String first = open(definition(slug("weighted-a")));
        String second = open(definition(slug("weighted-b")));
        for (String slug : List.of(first, second)) {
            submit(slug, "UA-14", "sez", 12);
            submit(slug, "UA-14", "dmz", 8);
            submit(slug, "UA-09", "dmz", 15);
        }
        submit(first, "UA-23", "sez", 3);
        submit(first, "UA-30", "dmz", 4);
        submit(second, "UA-23", "dmz", 4);
        submit(second, "UA-30", "sez", 3);

        JsonPath publicView = published(first);
        assertNotNull(publicView.get("questions.find { it.key == 'arrangement' }.overall.weighted.nEffective"),
                "hidden regions no longer withhold the weighted figure");
        assertEquals(List.of("UA-23", "UA-30"), publicView.getList("weighting.pooledRegions"));
        // even exact figures (admin) are the same for both splits: weights see only the pooled group
        String path = "questions.find { it.key == 'arrangement' }.overall.weighted";
        Map<String, Object> a = asAdmin().get("/api/v1/surveys/" + first + "/results").then().extract().path(path);
        Map<String, Object> b = asAdmin().get("/api/v1/surveys/" + second + "/results").then().extract().path(path);
        assertEquals(a, b);
    }

    @Test
    void submittingKnownResponsesIntoAHiddenRegionUntilItShowsRecoversNothingExact() throws SQLException {
        String slug = open(definition(slug("flood")));
        submit(slug, "UA-14", "sez", 20);
        submit(slug, "UA-09", "dmz", 20);
        submit(slug, "UA-30", "dmz", 15);
        int secret = 4;
        submit(slug, "UA-23", "sez", secret);
        assertTrue(published(slug).<Boolean>getList("regions.suppressed").get(2), "UA-23 starts hidden");

        // one known sez answer into UA-23 per snapshot (plus nine elsewhere, as the cadence demands)
        int added = 0;
        JsonPath shown = null;
        while (added < 20) {
            submit(slug, "UA-23", "sez", 1);
            submit(slug, "UA-14", "dmz", 9);
            added++;
            age(slug);
            JsonPath results = published(slug);
            if (!results.getBoolean("questions[0].byRegion[2].suppressed")) {
                shown = results;
                break;
            }
        }
        assertNotNull(shown, "the region shows once enough is added");
        long n = ((Number) shown.get("regions[2].responses")).longValue();
        long sez = ((Number) shown.get("questions[0].byRegion[2].options[0].count")).longValue();
        TreeSet<Long> total = candidates(n, added);
        TreeSet<Long> chosen = candidates(sez, added);
        assertTrue(total.size() > 1, "the region's count before the attack stays uncertain: " + total);
        assertTrue(chosen.size() > 1, "how the region's own respondents answered stays uncertain: " + chosen);
        assertTrue(total.contains((long) secret) && chosen.contains((long) secret));
        assertTrue(shown.getBoolean("perturbation.applied"));
    }
}
