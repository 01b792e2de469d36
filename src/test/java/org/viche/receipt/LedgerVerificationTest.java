package org.viche.receipt;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.json;
import static org.viche.support.Api.openSurvey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.viche.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The ledger and the chain of seals, exported through the API, checked by the stand-alone
 * verifier exactly as an outsider runs it: {@code java tools/VerifyLedger.java ...} in its
 * own process.
 */
@QuarkusTest
class LedgerVerificationTest {

    @Inject
    Sealer sealer;

    @Inject
    DataSource dataSource;

    String researcher;

    @BeforeEach
    void researcher() {
        researcher = Tokens.researcher();
    }

    /** Two seals: three responses, then two more (one with a free-text comment). */
    private String sealedSurvey(String prefix) {
        String slug = openSurvey(prefix, List.of("UA-14", "UA-09"));
        submit(slug, Map.of("arrangement", "sez", "trust", 4, "guarantees", List.of("us", "eu")));
        submit(slug, Map.of("arrangement", "dmz", "priorities", List.of("peace", "return")));
        submit(slug, Map.of("arrangement", "return", "trust", 1));
        sealer.sealPending();
        submit(slug, Map.of("arrangement", "dmz", "comment", "Mariupol, \"street 5\", flat 12"));
        submit(slug, Map.of("arrangement", "sez", "why_sez", "jobs,\nand peace"));
        sealer.sealPending();
        return slug;
    }

    private static void submit(String slug, Map<String, Object> answers) {
        json().body(Map.of("region", "UA-14", "language", "en", "answers", answers))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
    }

    @Test
    void theLedgerHoldsFreeTextOnlyAsItsSealedCommitment() {
        String slug = sealedSurvey("ledger-text");
        String ledger = ledger(slug);
        assertTrue(ledger.startsWith("seal_id,leaf_index,response_id,canonical\n"), ledger);
        assertFalse(ledger.contains("Mariupol"), ledger);
        assertFalse(ledger.contains("jobs"), ledger);
        assertEquals(2, ledger.split("sha256:", -1).length - 1, "one commitment per text answer");
    }

    @Test
    void aResponseAlteredInTheDatabaseIsReportedWithItsSealWhileTheEarlierExportStillVerifies() throws Exception {
        String slug = sealedSurvey("ledger-tamper");
        Path before = export(slug);
        Verification clean = run(before);
        assertEquals(0, clean.exitCode(), clean.output());
        assertTrue(clean.output().contains("OK: 2 seals and 5 responses"), clean.output());

        List<Long> seals = given().get("/api/v1/surveys/" + slug + "/seals").then().statusCode(200)
                .extract().jsonPath().getList("seals.id", Long.class);
        execute("""
                update viche.response set answers = '{"arrangement": "sez", "trust": 5}'
                 where seal_id = %d and answers ->> 'arrangement' = 'return'""".formatted(seals.get(0)));

        Verification altered = run(export(slug));
        assertEquals(1, altered.exitCode(), altered.output());
        assertTrue(altered.output().contains("MISMATCH seal " + seals.get(0) + ":"), altered.output());
        assertFalse(altered.output().contains("MISMATCH seal " + seals.get(1) + ":"), "the other seal still verifies");
        assertEquals(clean, run(before), "the verifier reads the files alone, never the service");
    }

    @Test
    void anAlteredFreeTextIsCaughtThoughTheLedgerNeverShowsIt() throws Exception {
        String slug = sealedSurvey("ledger-text-tamper");
        execute("""
                update viche.response set answers = jsonb_set(answers, '{comment}', '"Donetsk"')
                 where answers ? 'comment' and survey_id = (select id from viche.survey where slug = '%s')""".formatted(slug));
        Verification result = verify(slug);
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("root"), result.output());
    }

    @Test
    void aRewrittenSealBreaksTheChain() throws Exception {
        String slug = sealedSurvey("ledger-chain");
        execute("""
                update viche.seal set sealed_at = sealed_at - interval '1 day'
                 where id = (select min(id) from viche.seal where survey_id = (select id from viche.survey where slug = '%s'))"""
                .formatted(slug));
        Verification result = verify(slug);
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("the seal before hashes to"), result.output());
    }

    @Test
    void unknownSurveysHaveNoLedger() {
        given().header("Authorization", "Bearer " + researcher).get("/api/v1/surveys/no-such-survey/ledger.csv")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private String ledger(String slug) {
        return given().header("Authorization", "Bearer " + researcher).get("/api/v1/surveys/" + slug + "/ledger.csv")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
    }

    record Verification(int exitCode, String output) {
    }

    private Verification verify(String slug) throws IOException, InterruptedException {
        return run(export(slug));
    }

    /** Downloads the ledger (as a researcher) and the chain of seals into a fresh folder. */
    private Path export(String slug) throws IOException {
        Path dir = Files.createTempDirectory("ledger");
        Files.writeString(dir.resolve("ledger.csv"), ledger(slug), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("seals.json"),
                given().get("/api/v1/surveys/" + slug + "/seals").then().statusCode(200).extract().asString(),
                StandardCharsets.UTF_8);
        return dir;
    }

    private static Verification run(Path export) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "tools/VerifyLedger.java",
                export.resolve("ledger.csv").toString(), export.resolve("seals.json").toString())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the verifier finishes");
        return new Verification(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertTrue(statement.executeUpdate(sql) >= 1, "the test changed something: " + sql);
        }
    }
}
