package org.viche.results;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.json;
import static org.viche.support.Api.open;
import static org.viche.support.Api.openSurvey;
import static org.viche.support.Api.slug;
import static org.viche.support.Api.submit;
import static org.viche.support.Api.survey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What accompanies the figures: the answers that are not places, the record keys behind the
 * perturbation, and limitations that follow the access mode and read the same everywhere.
 */
@QuarkusTest
class DisclosureStatementTest {

    @Inject
    DataSource dataSource;

    @Inject
    TallyRollup rollup;

    @Test
    void livingAbroadAndPreferringNotToSayAreAcceptedCountedShownAndNotWeighted() {
        String slug = openSurvey("abroad", List.of("UA-14"));
        submit(slug, "ABROAD", Map.of("arrangement", "sez"));
        submit(slug, "UNDISCLOSED", Map.of("arrangement", "dmz"));
        submit(slug, "UA-14", Map.of("arrangement", "dmz"));
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        json().body(Map.of("region", "UA-09", "answers", Map.of("arrangement", "sez")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(422);

        JsonPath results = asAdmin().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("UA-14", "ABROAD", "UNDISCLOSED"), results.getList("regions.region"));
        assertEquals(4, results.getInt("responses"));
        assertEquals(List.of("ABROAD", "UNDISCLOSED"), results.getList("weighting.notWeighted"));
        assertEquals(List.of("UA-14"), results.getList("weighting.targets.region"));
        // the weighted figure covers the one place only: its n_eff is UA-14's two respondents
        assertEquals(2.0, results.getDouble("questions[0].overall.weighted.nEffective"), 1e-9);
        assertEquals(List.of("UA-14", "ABROAD", "UNDISCLOSED"), given().get("/api/v1/surveys/" + slug + "/codebook")
                .then().statusCode(200).extract().jsonPath().getList("variables.find { it.name == 'region' }.values.code"));
    }

    @Test
    void everyResponseGetsARandomRecordKeyThatItsTallyCellsSum() throws SQLException {
        String slug = openSurvey("keys", List.of("UA-14", "UA-09"));
        for (int i = 0; i < 40; i++) {
            submit(slug, i % 2 == 0 ? "UA-14" : "UA-09", Map.of("arrangement", i % 3 == 0 ? "sez" : "dmz"));
        }
        rollup.fold(); // the tally as the roll-up writes it
        try (Connection c = dataSource.getConnection();
                PreparedStatement keys = c.prepareStatement("""
                        select count(distinct r.record_key), sum(r.record_key),
                               (select sum(t.key_sum) from viche.tally t where t.survey_id = s.id
                                   and t.question = '' and t.bucket = 'responses')
                          from viche.response r join viche.survey s on s.id = r.survey_id where s.slug = ? and r.status = 'ACCEPTED'
                         group by s.id
                        """)) {
            keys.setString(1, slug);
            try (ResultSet rs = keys.executeQuery()) {
                rs.next();
                assertTrue(rs.getInt(1) > 5, "counted responses, keys drawn from 0..255");
                assertEquals(rs.getLong(2), rs.getLong(3), "the responses cell's key sum is the sum of its records' keys");
            }
        }
        assertTrue(!given().get("/api/v1/surveys/" + slug + "/responses.csv").then().extract().asString()
                .contains("record_key"), "keys are never exported (nor is the microdata public)");
        String microdata = asAdmin().get("/api/v1/surveys/" + slug + "/responses.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(!microdata.lines().findFirst().orElseThrow().contains("key"), microdata.lines().findFirst().orElseThrow());
    }

    @Test
    void limitationsFollowTheAccessModeAndReadTheSameInJsonDataPackageAndPage() {
        Map<String, Object> invited = new HashMap<>(survey(slug("invited"), List.of("UA-14")));
        invited.put("access", "TOKEN");
        invited.put("languages", List.of("en", "uk"));
        String token = open(withUkrainian(invited));
        String openSlug = open(withUkrainian(new HashMap<>(survey(slug("opt-in"), List.of("UA-14")))));

        String tokenText = given().queryParam("lang", "uk").get("/api/v1/surveys/" + token + "/results").then()
                .statusCode(200).extract().path("disclosure.limitations");
        String openText = given().queryParam("lang", "uk").get("/api/v1/surveys/" + openSlug + "/results").then()
                .statusCode(200).extract().path("disclosure.limitations");
        assertNotEquals(tokenText, openText);
        assertTrue(tokenText.contains("код"), tokenText);
        String page = given().queryParam("lang", "uk").get("/s/" + token + "/results").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains(tokenText), "the page says what the JSON says");
        assertTrue(page.contains("±2"), "and that public counts are perturbed");
        assertTrue(page.contains("/api/v1/surveys/" + token + "/codebook"), "the wording in every language is linked");

        String english = given().queryParam("lang", "en").get("/api/v1/surveys/" + token + "/results").then()
                .statusCode(200).extract().path("disclosure.limitations");
        String description = given().get("/api/v1/surveys/" + token + "/datapackage.json").then().statusCode(200)
                .extract().path("description");
        assertTrue(description.contains(english), "the CSVs' metadata says it too");
    }

    /** The API test survey is English only; these tests need a Ukrainian page too. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withUkrainian(Map<String, Object> definition) {
        definition.put("languages", List.of("en", "uk"));
        definition.put("title", Map.of("en", "Test survey", "uk", "Тестове опитування"));
        List<Map<String, Object>> questions = new java.util.ArrayList<>();
        for (Map<String, Object> q : (List<Map<String, Object>>) definition.get("questions")) {
            Map<String, Object> copy = new HashMap<>(q);
            copy.put("text", both((Map<String, String>) q.get("text")));
            if (q.containsKey("options")) {
                copy.put("options", ((List<Map<String, Object>>) q.get("options")).stream()
                        .map(o -> Map.of("key", o.get("key"), "text", both((Map<String, String>) o.get("text")))).toList());
            }
            questions.add(copy);
        }
        definition.put("questions", questions);
        return definition;
    }

    private static Map<String, String> both(Map<String, String> en) {
        return Map.of("en", en.get("en"), "uk", en.get("en") + " (uk)");
    }
}
