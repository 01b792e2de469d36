package org.viche.receipt;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.json;
import static org.viche.support.Api.openSurvey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ReceiptTest {

    private static final HexFormat HEX = HexFormat.of();

    @Inject
    Sealer sealer;

    @Inject
    ReceiptService receipts;

    @Inject
    DataSource dataSource;

    static String submit(String slug, int trust) {
        return json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez", "trust", trust, "comment", "c" + trust)))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201).extract().path("receipt");
    }

    static JsonPath receipt(String receipt) {
        return given().get("/api/v1/receipts/" + receipt).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aReceiptIsUnsealedUntilItsBatchHoldsAtLeastTheSmallestCell() {
        String slug = openSurvey("rcpt-unsealed", List.of("UA-14"));
        String receipt = submit(slug, 3);
        given().get("/api/v1/receipts/" + receipt).then().statusCode(200)
                .body("receipt", equalTo(receipt)).body("survey", equalTo(slug)).body("sealed", equalTo(false))
                .body("$", not(hasKey("seal"))).body("$", not(hasKey("proof"))).body("$", not(hasKey("leaf")));
        // minCellSize is 2: one response alone is never sealed while the survey is open,
        // so no seal's time can place a lone respondent.
        sealer.sealPending();
        assertFalse(receipt(receipt).getBoolean("sealed"));
        submit(slug, 4);
        assertTrue(sealer.sealPending() >= 2);
        JsonPath sealed = receipt(receipt.toLowerCase().replace("-", " "));
        assertTrue(sealed.getBoolean("sealed"));
        assertEquals(receipt, sealed.getString("receipt"), "read back in the form it was issued");
        assertTrue(sealed.getString("leaf").matches("[0-9a-f]{64}"));
    }

    @Test
    void everyInclusionProofVerifiesAgainstItsSealsRootComputedIndependently() throws Exception {
        String slug = openSurvey("rcpt-proof", List.of("UA-14"));
        List<String> issued = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            issued.add(submit(slug, i));
        }
        sealer.sealPending();
        JsonPath chain = given().get("/api/v1/surveys/" + slug + "/seals").then().statusCode(200).extract().jsonPath();
        for (String r : issued) {
            JsonPath receipt = receipt(r);
            assertEquals(5, receipt.getInt("seal.size"));
            assertEquals(chain.getString("seals[0].root"), receipt.getString("seal.root"));
            assertEquals(receipt.getString("seal.root"), fold(receipt), "proof of " + r);
        }
    }

    @Test
    void sealsChainPerSurveyAndEachHashCoversItsCanonicalText() throws Exception {
        String slug = openSurvey("rcpt-chain", List.of("UA-14"));
        submit(slug, 1);
        submit(slug, 2);
        sealer.sealPending();
        submit(slug, 3);
        sealer.sealPending();
        submit(slug, 4);
        sealer.sealPending();
        JsonPath chain = given().get("/api/v1/surveys/" + slug + "/seals").then().statusCode(200).extract().jsonPath();
        assertEquals(slug, chain.getString("survey"));
        assertEquals(List.of(2, 2), chain.getList("seals.size", Integer.class), "no seal of fewer than minCellSize");
        assertEquals("0".repeat(64), chain.getString("seals[0].previous"));
        assertEquals(chain.getString("seals[0].hash"), chain.getString("seals[1].previous"));
        for (int i = 0; i < 2; i++) {
            String text = "viche-seal-v1\nid=" + chain.getLong("seals[" + i + "].id") + "\nsurvey=" + slug
                    + "\nroot=" + chain.getString("seals[" + i + "].root") + "\nsize=" + chain.getInt("seals[" + i + "].size")
                    + "\nprevious=" + chain.getString("seals[" + i + "].previous")
                    + "\nsealed=" + chain.getString("seals[" + i + "].sealedAt") + "\n";
            assertEquals(HEX.formatHex(sha256(text.getBytes(StandardCharsets.UTF_8))), chain.getString("seals[" + i + "].hash"));
        }
    }

    @Test
    void closingASurveySealsItsLastResponsesAtOnce() {
        String slug = openSurvey("rcpt-close", List.of("UA-14"));
        String receipt = submit(slug, 4);
        asAdmin().post("/api/v1/surveys/" + slug + "/close").then().statusCode(200);
        assertTrue(receipt(receipt).getBoolean("sealed"));
    }

    @Test
    void unknownAndMalformedReceiptsAreNotFoundProblems() {
        for (String receipt : List.of("0000-0000-0000-0000", "ABC", "%2e%2e", "UUUU-UUUU-UUUU-UUUU", "x".repeat(300))) {
            given().get("/api/v1/receipts/" + receipt).then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
        given().get("/api/v1/surveys/no-such-survey/seals").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void whileAnotherInstanceHoldsTheSealerLockNothingIsSealed() throws Exception {
        String slug = openSurvey("rcpt-lock", List.of("UA-14"));
        String receipt = submit(slug, 2);
        submit(slug, 3);
        try (Connection other = dataSource.getConnection(); Statement lock = other.createStatement()) {
            lock.execute("select pg_advisory_lock(" + SealStore.SEALER_LOCK + ")");
            assertEquals(0, sealer.sealPending());
            assertFalse(receipt(receipt).getBoolean("sealed"));
            lock.execute("select pg_advisory_unlock(" + SealStore.SEALER_LOCK + ")");
        }
        assertTrue(sealer.sealPending() >= 1);
        assertTrue(receipt(receipt).getBoolean("sealed"));
    }

    @Test
    void aResponseAlteredAfterSealingNoLongerVerifies() throws Exception {
        String slug = openSurvey("rcpt-tamper", List.of("UA-14"));
        String receipt = submit(slug, 5);
        submit(slug, 1);
        sealer.sealPending();
        assertTrue(receipts.check(receipt).orElseThrow().verified());
        String before = receipt(receipt).getString("leaf");

        execute("update viche.response set answers = '{\"arrangement\": \"sez\", \"trust\": 1, \"comment\": \"c5\"}'"
                + " where receipt = '" + receipt + "'");

        assertFalse(receipts.check(receipt).orElseThrow().verified());
        JsonPath altered = receipt(receipt);
        assertNotEquals(before, altered.getString("leaf"));
        assertNotEquals(altered.getString("seal.root"), fold(altered), "the published proof exposes the change");
    }

    @Test
    void leavesStandInTheOrderOfTheirHashesNotOfArrival() throws Exception {
        String slug = openSurvey("rcpt-order", List.of("UA-14"));
        List<String> issued = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            issued.add(submit(slug, 1 + i % 5));
        }
        sealer.sealPending();
        List<String> leaves = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement("""
                select encode(l.hash, 'hex') from viche.seal_leaf l join viche.seal s on s.id = l.seal_id
                  join viche.survey v on v.id = s.survey_id where v.slug = ? order by l.leaf_index""")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    leaves.add(rs.getString(1));
                }
            }
        }
        assertEquals(12, leaves.size());
        assertEquals(leaves.stream().sorted().toList(), leaves, "leaf_index follows the leaf hashes");
        for (String r : issued) {
            JsonPath receipt = receipt(r);
            assertEquals(receipt.getString("leaf"), leaves.get(leaves.indexOf(receipt.getString("leaf"))));
            assertEquals(receipt.getString("seal.root"), fold(receipt), "every proof still folds to the root");
        }
    }

    @Test
    void exportsAndTheLedgerNameAResponseByAnIdThatIsNotTheSubmittersOne() {
        String slug = openSurvey("rcpt-export-id", List.of("UA-14"));
        List<String> submitted = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            submitted.add(json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez", "trust", i)))
                    .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201).extract().path("id"));
        }
        sealer.sealPending();
        String ledger = asAdmin().accept("text/csv").get("/api/v1/surveys/" + slug + "/ledger.csv").then().statusCode(200)
                .extract().asString();
        String microdata = asAdmin().accept("text/csv").get("/api/v1/surveys/" + slug + "/responses.csv").then()
                .statusCode(200).extract().asString();
        assertEquals(4, ledger.split("\n").length, "three sealed rows and a header");
        assertEquals(4, microdata.split("\n").length);
        for (String id : submitted) {
            assertFalse(ledger.contains(id), "the ledger never shows the id returned at submission");
            assertFalse(microdata.contains(id), "nor does the microdata");
        }
        List<String> ledgerIds = new ArrayList<>();
        for (String line : ledger.split("\n")) {
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\"?:\"\"([0-9a-f-]{36})").matcher(line);
            if (id.find()) {
                ledgerIds.add(id.group(1));
                assertTrue(microdata.contains(id.group(1)), "ledger and microdata share the export id");
            }
        }
        assertEquals(3, ledgerIds.size());
    }

    /** RFC 6962 inclusion check written out here, independently of the service's MerkleTree. */
    private static String fold(JsonPath receipt) throws Exception {
        byte[] hash = HEX.parseHex(receipt.getString("leaf"));
        List<Map<String, String>> proof = receipt.getList("proof");
        for (Map<String, String> step : proof) {
            byte[] sibling = HEX.parseHex(step.get("hash"));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((byte) 1);
            if (step.get("side").equals("left")) {
                sha.update(sibling);
                sha.update(hash);
            } else {
                assertEquals("right", step.get("side"));
                sha.update(hash);
                sha.update(sibling);
            }
            hash = sha.digest();
        }
        return HEX.formatHex(hash);
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
