package org.viche.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.json;
import static org.viche.support.Api.open;
import static org.viche.support.Api.slug;
import static org.viche.support.Api.survey;
import static org.viche.support.Api.token;
import static org.viche.support.Api.withToken;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.viche.results.ResultsCsv;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ExportResourceTest {

    private static final List<String> REGIONS = List.of("UA-14", "UA-09", "UA-30");
    private static final List<String> ALL_COLUMNS = List.of("response_id", "region", "language", "channel",
            "submitted_on", "weight", "arrangement", "guarantees_us", "guarantees_eu", "guarantees_un", "trust",
            "priorities_peace", "priorities_integrity", "priorities_return", "comment", "why_sez");
    private static final String TRICKY = "Yes, \"only\" if\nit holds; =SUM(A1) +1 -1 @me так";

    private static String path(String slug, String file) {
        return "/api/v1/surveys/" + slug + "/" + file;
    }

    @Inject
    DataSource dataSource;

    /** Submits and returns the response's export id: exports never show the id returned at submission. */
    private String submit(String slug, String region, Map<String, Object> answers) throws Exception {
        String id = json().body(Map.of("region", region, "language", "en", "answers", answers))
                .post(path(slug, "responses")).then().statusCode(201).extract().path("id");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select export_id::text from viche.response where id = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertNotEquals(id, rs.getString(1));
                return rs.getString(1);
            }
        }
    }

    private static String openWithMethodology() {
        Map<String, Object> definition = new HashMap<>(survey(slug("export"), REGIONS));
        definition.put("methodology", Map.of("sponsor", "Kyiv School of Testing", "population", "Adults in the regions",
                "recruitment", "Open web link", "mode", "online, self-selected", "limitations", "Test data only."));
        return open(definition);
    }

    private static Map<String, CSVRecord> rowsById(String csv) throws Exception {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords()) {
            rows.put(r.get("response_id"), r);
        }
        return rows;
    }

    private static List<String> header(String csv) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getHeaderNames();
    }

    @Test
    void codebookListsEveryColumnOfTheMicrodataInFileOrder() {
        String slug = openWithMethodology();
        JsonPath codebook = given().get(path(slug, "codebook")).then().statusCode(200).extract().jsonPath();
        assertEquals(ALL_COLUMNS, codebook.getList("variables.name"));
        assertEquals("Arrangement?", codebook.getString("variables.find { it.name == 'arrangement' }.label.en"));
        assertEquals("Option eu", codebook.getString("variables.find { it.name == 'guarantees_eu' }.optionLabel.en"));
        assertEquals(List.of("guarantees_us", "guarantees_eu", "guarantees_un"),
                codebook.getList("questions.find { it.key == 'guarantees' }.columns"));
        assertTrue(codebook.getBoolean("variables.find { it.name == 'comment' }.textExportOnly"));
        assertEquals(List.of("UA-14", "UA-09", "UA-30", "ABROAD", "UNDISCLOSED"),
                codebook.getList("variables.find { it.name == 'region' }.values.code"));
    }

    @Test
    void microdataHasOneRowPerResponseWithItsValuesAndRegionWeight() throws Exception {
        String slug = openWithMethodology();
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        String a = submit(slug, "UA-14", Map.of("arrangement", "sez", "guarantees", List.of("un", "us"), "trust", 4,
                "priorities", List.of("return", "peace"), "comment", TRICKY, "why_sez", "@cmd"));
        String b = submit(slug, "UA-14", Map.of("arrangement", "dmz"));
        String c = submit(slug, "UA-09", Map.of("arrangement", "return", "trust", 1,
                "priorities", List.of("integrity", "peace", "return")));
        LocalDate after = LocalDate.now(ZoneOffset.UTC);

        String csv = asAdmin().queryParam("text", "true").get(path(slug, "responses.csv")).then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString(slug + "-responses.csv"))
                .extract().asString();
        assertEquals(ALL_COLUMNS, header(csv));
        Map<String, CSVRecord> rows = rowsById(csv);
        assertEquals(3, rows.size());

        CSVRecord first = rows.get(a);
        assertEquals(List.of("UA-14", "en", "API", "sez", "1", "0", "1", "4", "2", "", "1", TRICKY, "@cmd"),
                List.of(first.get("region"), first.get("language"), first.get("channel"), first.get("arrangement"),
                        first.get("guarantees_us"), first.get("guarantees_eu"), first.get("guarantees_un"),
                        first.get("trust"), first.get("priorities_peace"), first.get("priorities_integrity"),
                        first.get("priorities_return"), first.get("comment"), first.get("why_sez")));
        LocalDate day = LocalDate.parse(first.get("submitted_on"));
        assertTrue(!day.isBefore(before) && !day.isAfter(after), day.toString());

        CSVRecord skipped = rows.get(b);
        for (String column : ALL_COLUMNS.subList(7, ALL_COLUMNS.size())) {
            assertEquals("", skipped.get(column), column + " of a response that only answered arrangement");
        }
        assertEquals("3", rows.get(c).get("priorities_return"));

        // w = P_h · n / n_h with P over the regions that have respondents (Kyiv has none)
        double pDonetsk = 4_059_372.0 / (4_059_372 + 2_102_921);
        assertEquals(pDonetsk * 3 / 2, Double.parseDouble(first.get("weight")), 1e-12);
        assertEquals(pDonetsk * 3 / 2, Double.parseDouble(skipped.get("weight")), 1e-12);
        assertEquals((1 - pDonetsk) * 3 / 1, Double.parseDouble(rows.get(c).get("weight")), 1e-12);
    }

    @Test
    void researchersGetEverythingButTheFreeText() throws Exception {
        String slug = openWithMethodology();
        String id = submit(slug, "UA-30", Map.of("arrangement", "sez", "comment", "private words", "why_sez", "more"));
        String researcher = token("researcher");
        String csv = withToken(researcher).get(path(slug, "responses.csv")).then().statusCode(200).extract().asString();
        assertEquals(ALL_COLUMNS.stream().filter(c -> !c.equals("comment") && !c.equals("why_sez")).toList(), header(csv));
        assertEquals("sez", rowsById(csv).get(id).get("arrangement"));
        assertTrue(!csv.contains("private words"));
        withToken(researcher).queryParam("text", "true").get(path(slug, "responses.csv")).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void microdataIsForResearchersAndAdminsOnly() {
        String slug = openWithMethodology();
        given().get(path(slug, "responses.csv")).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-a-token").get(path(slug, "responses.csv")).then().statusCode(401)
                .contentType("application/problem+json");
        withToken(token("partner", slug)).get(path(slug, "responses.csv")).then().statusCode(403)
                .contentType("application/problem+json");
        asAdmin().queryParam("text", "maybe").get(path(slug, "responses.csv")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        asAdmin().get(path("no-such-survey", "responses.csv")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSurveyWithoutResponsesExportsTheHeaderOnly() throws Exception {
        String slug = openWithMethodology();
        String csv = asAdmin().get(path(slug, "responses.csv")).then().statusCode(200).extract().asString();
        assertEquals(ALL_COLUMNS.subList(0, 14), header(csv));
        assertEquals(1, csv.lines().count());
    }

    @Test
    void dataPackageDescribesBothFilesWithTheMethodology() throws Exception {
        String slug = openWithMethodology();
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        String microdataHeader = asAdmin().get(path(slug, "responses.csv")).then().statusCode(200).extract().asString();
        JsonPath pkg = given().get(path(slug, "datapackage.json")).then().statusCode(200)
                .body("profile", equalTo("tabular-data-package"))
                .body("name", equalTo(slug))
                .body("resources.name", equalTo(List.of("responses", "results")))
                .body("resources[0].path", startsWith("http"))
                .body("resources[0].path", endsWith("/api/v1/surveys/" + slug + "/responses.csv"))
                .body("resources[1].path", endsWith("/api/v1/surveys/" + slug + "/results.csv"))
                .body("resources[0].schema.primaryKey", equalTo("response_id"))
                .body("description", containsString("Kyiv School of Testing"))
                .body("description", containsString("Adults in the regions"))
                .body("description", containsString("Post-stratification by region"))
                .body("description", containsString("UA-14 Donetsk Oblast: population 4059372 (2022-01-01)"))
                .body("description", containsString("not a margin of error"))
                .body("description", containsString("Test data only."))
                .extract().jsonPath();
        assertEquals(header(microdataHeader), pkg.getList("resources[0].schema.fields.name"));
        assertEquals(List.of("string", "string", "string", "string", "date", "number", "string", "integer", "integer",
                "integer", "integer", "integer", "integer", "integer"), pkg.getList("resources[0].schema.fields.type"));
        assertEquals(List.of("sez", "dmz", "return"),
                pkg.getList("resources[0].schema.fields.find { it.name == 'arrangement' }.constraints.enum"));
        assertEquals(5, pkg.getInt("resources[0].schema.fields.find { it.name == 'trust' }.constraints.maximum"));
        assertEquals(List.of(ResultsCsv.HEADER), pkg.getList("resources[1].schema.fields.name"));
        assertEquals("boolean", pkg.getString("resources[1].schema.fields.find { it.name == 'suppressed' }.type"));
    }

    @Test
    void openApiDocumentsTheResearcherEndpoints() {
        String microdata = "paths.'/api/v1/surveys/{slug}/responses.csv'.get";
        String codebook = "paths.'/api/v1/surveys/{slug}/codebook'.get";
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(microdata + ".tags", hasItem("Researchers"))
                .body(microdata + ".security.bearer", hasItem(List.of("admin", "researcher")))
                .body(microdata + ".responses", hasKey("403"))
                .body(codebook + ".tags", hasItem("Researchers"))
                .body(codebook, not(hasKey("security")))
                .body("paths.'/api/v1/surveys/{slug}/datapackage.json'.get.summary", containsString("Data Package"));
    }

    @Test
    void draftsAreDescribedToAdminsOnly() {
        String slug = slug("draft-export");
        asAdmin().body(survey(slug, REGIONS)).post("/api/v1/surveys").then().statusCode(201);
        asAdmin().get(path(slug, "codebook")).then().statusCode(200).body("variables.name", hasItem("arrangement"));
        given().get(path(slug, "codebook")).then().statusCode(404).contentType("application/problem+json");
        given().get(path(slug, "datapackage.json")).then().statusCode(404);
        given().get(path("no-such-survey", "codebook")).then().statusCode(404).body("detail", not(containsString("Exception")));
    }
}
