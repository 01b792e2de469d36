package org.viche.results;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.viche.support.Api.asAdmin;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.viche.support.Api.open;
import static org.viche.support.Api.openSurvey;
import static org.viche.support.Api.slug;
import static org.viche.support.Api.survey;
import static org.viche.support.Api.submit;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

@QuarkusTest
class ResultsResourceTest {

    @BeforeAll
    static void readDecimalsAsDoubles() {
        // JsonPath reads decimals as float by default, which loses the precision under test
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
    }

    @Test
    void apiSubmissionsShowUpInTheirRegion() {
        String slug = openSurvey("results", List.of("UA-14", "UA-09", "UA-30"));
        submit(slug, "UA-14", Map.of("arrangement", "sez", "trust", 5));
        submit(slug, "UA-14", Map.of("arrangement", "dmz", "trust", 3));
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        submit(slug, "UA-09", Map.of("arrangement", "return", "trust", 1));
        submit(slug, "UA-09", Map.of("arrangement", "return", "trust", 2));

        JsonPath results = asAdmin().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200)
                .body("survey", equalTo(slug))
                .body("responses", equalTo(5))
                .extract().jsonPath();
        String arrangement = "questions.find { it.key == 'arrangement' }";
        assertEquals("SINGLE_CHOICE", results.getString(arrangement + ".type"));
        assertEquals(5, results.getInt(arrangement + ".overall.n"));
        assertEquals(3, results.getInt(arrangement + ".byRegion.find { it.region == 'UA-14' }.n"));
        assertEquals(2, results.getInt(arrangement + ".byRegion.find { it.region == 'UA-14' }.options.find { it.key == 'sez' }.count"));
        assertEquals(2.0 / 3.0, results.getDouble(arrangement + ".byRegion.find { it.region == 'UA-14' }.options.find { it.key == 'sez' }.share"), 1e-9);
        List<Double> ci = results.getList(arrangement + ".byRegion.find { it.region == 'UA-14' }.options.find { it.key == 'sez' }.ci95");
        double[] expected = Wilson.interval(2.0 / 3.0, 3);
        assertEquals(expected[0], ci.get(0), 1e-6);
        assertEquals(0, results.getInt(arrangement + ".byRegion.find { it.region == 'UA-30' }.n"));
        assertTrue(results.getBoolean(arrangement + ".byRegion.find { it.region == 'UA-09' }.suppressed") == false);
        String trust = "questions.find { it.key == 'trust' }";
        assertEquals(4, results.getInt(trust + ".overall.n"));
        assertEquals(2.75, results.getDouble(trust + ".overall.mean"), 1e-9);
    }

    @Test
    void suppressedCellsCarryNoFigures() {
        // minCellSize is 2 in the test survey: a region with one answer must not show it (exact
        // figures, so that perturbation cannot move the one answer to 0 or 3)
        String slug = openSurvey("suppress", List.of("UA-14", "UA-09", "UA-30"));
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        submit(slug, "UA-09", Map.of("arrangement", "dmz"));
        submit(slug, "UA-09", Map.of("arrangement", "dmz"));
        submit(slug, "UA-09", Map.of("arrangement", "dmz"));
        asAdmin().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200)
                .body("questions.find { it.key == 'arrangement' }.byRegion.find { it.region == 'UA-14' }.suppressed", equalTo(true))
                .body("questions.find { it.key == 'arrangement' }.byRegion.find { it.region == 'UA-14' }.n", nullValue())
                .body("questions.find { it.key == 'arrangement' }.byRegion.find { it.region == 'UA-14' }.options", nullValue())
                .body("questions.find { it.key == 'arrangement' }.byRegion.find { it.region == 'UA-09' }.suppressed", equalTo(true));
        String csv = asAdmin().get("/api/v1/surveys/" + slug + "/results.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("arrangement,UA-14,sez,,,,,true"), csv);
    }

    @Test
    void csvHasTheContractHeaderAndOneRowPerQuestionRegionOption() throws Exception {
        String slug = openSurvey("csv", List.of("UA-14", "UA-09"));
        submit(slug, "UA-14", Map.of("arrangement", "sez", "guarantees", List.of("us")));
        submit(slug, "UA-14", Map.of("arrangement", "dmz", "guarantees", List.of("us", "eu")));
        String csv = asAdmin().get("/api/v1/surveys/" + slug + "/results.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertTrue(csv.startsWith("question,region,option,count,share,ci_low,ci_high,suppressed\n"), csv);
        CSVRecord sez = rows.stream().filter(r -> r.get("question").equals("arrangement") && r.get("region").equals("ALL")
                && r.get("option").equals("sez")).findFirst().orElseThrow();
        assertEquals("1", sez.get("count"));
        assertEquals(0.5, Double.parseDouble(sez.get("share")), 1e-12);
        assertEquals(Wilson.interval(0.5, 2)[0], Double.parseDouble(sez.get("ci_low")), 1e-12);
        long arrangementRows = rows.stream().filter(r -> r.get("question").equals("arrangement")).count();
        assertEquals(3 * 5, arrangementRows, "3 options × (ALL + 2 regions + abroad + undisclosed)");
        assertTrue(rows.stream().noneMatch(r -> r.get("question").equals("comment") && !r.get("option").isEmpty()),
                "text answers never appear");
    }

    @Test
    void weightedOverallIsPublishedForChoiceQuestions() {
        String slug = openSurvey("weighted", List.of("UA-14", "UA-09"));
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        submit(slug, "UA-09", Map.of("arrangement", "dmz"));
        submit(slug, "UA-09", Map.of("arrangement", "dmz"));
        // populations: Donetsk 4,059,372, Luhansk 2,102,921
        double pDonetsk = 4_059_372.0 / (4_059_372 + 2_102_921);
        asAdmin().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200)
                .body("questions.find { it.key == 'arrangement' }.overall.weighted.options.find { it.key == 'sez' }.share",
                        closeTo(pDonetsk, 1e-6))
                .body("questions.find { it.key == 'arrangement' }.overall.weighted.nEffective", closeTo(
                        16.0 / (2 * Math.pow(pDonetsk * 4 / 2, 2) + 2 * Math.pow((1 - pDonetsk) * 4 / 2, 2)), 1e-6));
    }

    @Test
    void resultsDiscloseWeightingTargetsMethodologyAndFieldDates() {
        Map<String, Object> definition = new java.util.HashMap<>(survey(slug("disclose"), List.of("UA-14", "UA-09", "UA-30")));
        definition.put("methodology", Map.of("sponsor", "Kyiv School of Testing", "population", "Adults in the regions",
                "recruitment", "Open web link", "mode", "online, self-selected"));
        String slug = open(definition);
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        submit(slug, "UA-09", Map.of("arrangement", "dmz"));
        String donetsk = "weighting.targets.find { it.region == 'UA-14' }";
        given().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200)
                .body("weighting.method", containsString("post-stratification by region"))
                .body("weighting.regionScheme", equalTo("UA"))
                .body("weighting.notWeighted", equalTo(List.of("ABROAD", "UNDISCLOSED")))
                .body("disclosure.limitations", containsString("not a margin of error"))
                .body("disclosure.accessMode", equalTo("OPEN"))
                .body("disclosure.codebook", equalTo("/api/v1/surveys/" + slug + "/codebook"))
                .body("perturbation.applied", equalTo(true))
                .body("perturbation.maxAbsolute", equalTo(2))
                .body("perturbation.table.size()", equalTo(21))
                .body(donetsk + ".population", equalTo(4_059_372))
                .body(donetsk + ".populationDate", equalTo("2022-01-01"))
                .body("weighting.targets.find { it.region == 'UA-09' }.note", containsString("occupied"))
                .body("weighting.targets.find { it.region == 'UA-30' }.population", equalTo(2_952_301))
                .body("weighting.targets.find { it.region == 'ABROAD' }", nullValue())
                // a definition stored with plain strings is read as English texts
                .body("methodology.sponsor.en", equalTo("Kyiv School of Testing"))
                .body("methodology.mode.en", equalTo("online, self-selected"))
                .body("fieldwork.opened", notNullValue())
                .body("fieldwork", not(hasKey("closed")));
    }

    @Test
    void resultsOfUnknownSurveyAreNotFound() {
        given().get("/api/v1/surveys/nothing-here/results").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/surveys/nothing-here/results.csv").then().statusCode(404);
    }

    @Test
    void demoResultsListEveryQuestion() {
        given().get("/api/v1/surveys/demo-disputed-regions/results").then().statusCode(200)
                .body("questions.key", hasItems("arrangement", "guarantees", "trust", "priorities", "referendum",
                        "age_group", "comment"));
    }
}
