package org.viche.invitation;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.json;
import static org.viche.support.Invitations.codes;
import static org.viche.support.Invitations.openTokenSurvey;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.viche.support.Api;
import org.viche.support.AuditTrail;
import org.viche.support.Schema;
import org.viche.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class InvitationTest {

    static final Map<String, Object> ANSWERS = Map.of("arrangement", "dmz", "trust", 2);

    @Inject
    DataSource dataSource;

    private static Response submit(String slug, String code) {
        Map<String, Object> body = new HashMap<>(Map.of("region", "UA-14", "answers", ANSWERS));
        body.put("invitation", code);
        return json().body(body).post("/api/v1/surveys/" + slug + "/responses");
    }

    @Test
    void generatesDistinctWellFormedCodesAsJsonOrCsv() {
        String slug = openTokenSurvey("inv-gen");
        List<String> codes = codes(slug, 25);
        assertEquals(25, codes.stream().distinct().count());
        assertTrue(codes.stream().allMatch(InvitationCodes::isWellFormed), codes.toString());

        String csv = asAdmin().accept("text/csv").body(Map.of("count", 2)).post("/api/v1/surveys/" + slug + "/invitations")
                .then().statusCode(201).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("code", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.subList(1, 3).stream().allMatch(InvitationCodes::isWellFormed), csv);
    }

    @Test
    void refusesCountsOutsideTheLimitAndSurveysWithoutInvitations() {
        String slug = openTokenSurvey("inv-limit");
        for (Object count : new Object[] {0, 10_001, -5}) {
            asAdmin().body(Map.of("count", count)).post("/api/v1/surveys/" + slug + "/invitations")
                    .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("count"));
        }
        asAdmin().body("{}").post("/api/v1/surveys/" + slug + "/invitations").then().statusCode(422);
        asAdmin().body(Map.of("count", "many")).post("/api/v1/surveys/" + slug + "/invitations")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().body(Map.of("count", 5)).post("/api/v1/surveys/" + Api.openSurvey("inv-open", List.of("UA-14")) + "/invitations")
                .then().statusCode(409).contentType("application/problem+json");
        asAdmin().body(Map.of("count", 5)).post("/api/v1/surveys/no-such-survey/invitations").then().statusCode(404);
    }

    @Test
    void aCodeAdmitsOneResponseAndATypoSpendsNothing() {
        String slug = openTokenSurvey("inv-once");
        String code = codes(slug, 1).get(0);
        String typo = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);
        submit(slug, typo).then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("mistyped"));
        submit(slug, code.toLowerCase().replace("-", " ")).then().statusCode(201);
        submit(slug, code).then().statusCode(409).contentType("application/problem+json");
        submit(slug, codes(openTokenSurvey("inv-other"), 1).get(0)).then().statusCode(409);
        assertEquals(1, Api.storedResponses(slug));
    }

    @Test
    void aRetryWithTheSameKeyReplaysWithoutNeedingTheCodeAgain() {
        String slug = openTokenSurvey("inv-retry");
        String code = codes(slug, 1).get(0);
        Map<String, Object> body = Map.of("region", "UA-14", "answers", ANSWERS, "invitation", code);
        String first = json().header("Idempotency-Key", "k1").body(body).post("/api/v1/surveys/" + slug + "/responses")
                .then().statusCode(201).extract().path("id");
        json().header("Idempotency-Key", "k1").body(body).post("/api/v1/surveys/" + slug + "/responses")
                .then().statusCode(201).body("id", equalTo(first));
        assertEquals(1, Api.storedResponses(slug));
    }

    @Test
    void sixteenConcurrentSubmissionsWithOneCodeStoreExactlyOne() throws Exception {
        String slug = openTokenSurvey("inv-race");
        String code = codes(slug, 1).get(0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return submit(slug, code).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(15, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Api.storedResponses(slug));
    }

    @Test
    void batchItemsSpendTheirOwnCodesAndOneRefusalRejectsNoOther() {
        String slug = openTokenSurvey("inv-batch");
        List<String> codes = codes(slug, 2);
        String partner = Tokens.partner(slug);
        String mistyped = codes.get(1).substring(0, 16) + (codes.get(1).charAt(16) == '0' ? "1" : "0");
        List<Map<String, Object>> items = List.of(
                item(codes.get(0)), item(codes.get(0)), item(mistyped), Map.of("region", "UA-14", "answers", ANSWERS),
                item(codes.get(1)));
        List<Integer> statuses = json().header("Authorization", "Bearer " + partner).body(Map.of("items", items))
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(200)
                .extract().jsonPath().getList("results.status", Integer.class);
        assertEquals(List.of(201, 409, 409, 403, 201), statuses);
        assertEquals(2, Api.storedResponses(slug));
    }

    private static Map<String, Object> item(String code) {
        return Map.of("region", "UA-14", "answers", ANSWERS, "invitation", code);
    }

    @Test
    void onlyHashesAreStoredAndSpendingNeverTouchesTheIssuedCodes() throws Exception {
        String slug = openTokenSurvey("inv-store");
        List<String> codes = codes(slug, 3);
        List<String> versionsBefore = issuedRowVersions(slug);
        submit(slug, codes.get(0)).then().statusCode(201);
        assertEquals(versionsBefore, issuedRowVersions(slug), "no issued code row was written by the spend");
        List<String> storedHex = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select encode(i.code_hash, 'hex'), encode(i.code_hash, 'escape')
                          from viche.invitation i join viche.survey s on s.id = i.survey_id where s.slug = ?""")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    storedHex.add(rs.getString(1));
                    for (String code : codes) {
                        assertFalse(rs.getString(2).contains(code.replace("-", "").substring(0, 6)));
                    }
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (String code : codes) {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(code.replace("-", "").getBytes());
            expected.add(java.util.HexFormat.of().formatHex(hash));
        }
        assertEquals(expected.stream().sorted().toList(), storedHex.stream().sorted().toList());
        assertEquals(List.of("code_hash", "survey_id"), columns("invitation"), "nothing about use at all");
        assertEquals(List.of("mark", "pending", "survey_id"), columns("invitation_spent"),
                "a spent code is a mark: no time, no sequence, no seal, no response reference");
        List<String> marks = marks(slug);
        assertEquals(1, marks.size());
        assertTrue(storedHex.stream().noneMatch(marks::contains), "a mark is not the code's hash");
        assertTrue(columns("response").stream().noneMatch(c -> c.contains("invitation") || c.contains("code")),
                "no code reference on the response");
    }

    @Test
    void generationIsAuditedByCountOnly() {
        String slug = openTokenSurvey("inv-audit");
        List<String> codes = codes(slug, 4);
        List<Map<String, Object>> events = AuditTrail.about(slug);
        Map<String, Object> generated = events.get(events.size() - 1);
        assertEquals("INVITATIONS_GENERATED", generated.get("action"));
        assertEquals(Map.of("count", 4), generated.get("details"));
        String all = AuditTrail.all().toString();
        codes.forEach(code -> assertFalse(all.contains(code), "never the codes"));
    }

    /** ctid and xmin of the survey's issued code rows: they change if anything writes them. */
    private List<String> issuedRowVersions(String slug) throws Exception {
        return strings("""
                select i.ctid::text || '/' || i.xmin::text from viche.invitation i join viche.survey s on s.id = i.survey_id
                 where s.slug = ? order by i.code_hash""", slug);
    }

    private List<String> marks(String slug) throws Exception {
        return strings("""
                select encode(m.mark, 'hex') from viche.invitation_spent m join viche.survey s on s.id = m.survey_id
                 where s.slug = ?""", slug);
    }

    private List<String> strings(String sql, String slug) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private List<String> columns(String table) throws Exception {
        return Schema.columns(dataSource, table);
    }
}
