package org.viche.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.json;
import static org.viche.support.Api.openSurvey;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.viche.receipt.Sealer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class VerifyPageTest {

    @Inject
    Sealer sealer;

    @Inject
    DataSource dataSource;

    private static String submit(String slug, int trust) {
        return json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez", "trust", trust)))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201).extract().path("receipt");
    }

    private static Response verify(String receipt, String lang) {
        return given().queryParam("receipt", receipt).queryParam("lang", lang).get("/verify");
    }

    @Test
    void theEmptyPageIsAPostFormLinkedFromTheFooter() {
        String html = given().get("/verify?lang=en").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .extract().asString();
        assertTrue(html.contains("<form method=\"post\" action=\"/verify?lang=en\""), "the receipt stays out of the address");
        assertTrue(html.contains("name=\"receipt\""));
        assertTrue(html.contains("Check it yourself"));
        assertTrue(html.contains("href=\"/tools/VerifyLedger.java\""));
        assertTrue(given().get("/?lang=en").asString().contains("href=\"/verify?lang=en\""), "the footer links the check");
    }

    @Test
    void theVerifierItLinksIsServed() {
        given().get("/tools/VerifyLedger.java").then().statusCode(200).body(containsString("class VerifyLedger"));
    }

    @Test
    void anUnsealedReceiptIsFoundAndSaysItWillBeSealedSoon() {
        String slug = openSurvey("verify-pending", List.of("UA-14"));
        String receipt = submit(slug, 2);
        Response page = verify(receipt.toLowerCase(), "en");
        page.getHeaders().getValues("Set-Cookie").forEach(c -> assertFalse(c.contains(receipt), "no cookie holds the receipt"));
        page.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("answers with this receipt were received and stored"))
                .body(containsString("at the latest when the survey closes"))
                .body(containsString("value=\"" + receipt + "\""))
                .body(not(containsString("Inclusion proof")));
    }

    @Test
    void aSealedReceiptShowsItsSealLeafAndCheckedProof() {
        String slug = openSurvey("verify-sealed", List.of("UA-14"));
        String receipt = submit(slug, 3);
        submit(slug, 4);
        submit(slug, 5);
        sealer.sealPending();
        JsonPath api = given().get("/api/v1/receipts/" + receipt).then().statusCode(200).extract().jsonPath();

        String html = verify(receipt, "en").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Yes, in seal number " + api.getLong("seal.id") + "."));
        assertTrue(html.contains("the proof leads from it to the seal’s root"));
        assertTrue(html.contains(api.getString("seal.root")));
        assertTrue(html.contains("<time datetime=\"" + api.getString("seal.sealedAt") + "\">"), "machine-readable time");
        assertTrue(html.matches("(?s).*<time datetime=\"[^\"]+\">\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} UTC</time>.*"),
                "the seal time in words");
        assertTrue(html.contains("<code class=\"hash\" id=\"leaf\">" + api.getString("leaf") + "</code>"));
        List<Map<String, String>> proof = api.getList("proof");
        assertTrue(!proof.isEmpty());
        for (Map<String, String> step : proof) {
            assertTrue(html.contains("<code class=\"hash\">" + step.get("hash") + "</code>"));
        }
        assertTrue(html.contains("href=\"/api/v1/receipts/" + receipt + "\""));
        assertTrue(html.contains("href=\"/api/v1/surveys/" + slug + "/seals\""));
        assertTrue(html.contains("SHA-256(0x01 ‖ sibling ‖ h)"));

        String uk = verify(receipt, "uk").asString();
        assertTrue(uk.contains("Так, у печатці номер"), "the page speaks the reader's language");
        assertTrue(verify(receipt, "ru").asString().contains("Да, в печати номер"));
    }

    @Test
    void aResponseChangedAfterSealingFailsTheCheckInWords() throws Exception {
        String slug = openSurvey("verify-tampered", List.of("UA-14"));
        String receipt = submit(slug, 5);
        submit(slug, 1);
        sealer.sealPending();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("update viche.response set answers = '{\"arrangement\": \"sez\", \"trust\": 1}'"
                    + " where receipt = '" + receipt + "'");
        }
        verify(receipt, "en").then().statusCode(200)
                .body(containsString("the proof does NOT lead to the seal’s root"))
                .body(containsString("✗"))
                .body(not(containsString("the proof leads from it to the seal’s root")));
    }

    @Test
    void unknownAndMalformedReceiptsGetAPlainMessage() {
        verify("ABCD-EFGH-JKMN-PQRS", "en").then().statusCode(200)
                .body(containsString("No answers with this receipt were found"));
        verify("not a receipt <b>", "en").then().statusCode(200)
                .body(containsString("This is not a receipt code"))
                .body(containsString("not a receipt &lt;b&gt;"))
                .body(not(containsString("<b>")));
        String uk = verify("ABCD", "uk").then().statusCode(200).body(containsString("Це не код квитанції")).extract().asString();
        assertTrue(uk.contains("aria-describedby=\"receipt-hint verdict\" aria-invalid=\"true\""),
                "the verdict is tied to the field for screen readers");
        int verdict = uk.indexOf("id=\"verdict\" role=\"status\"");
        assertTrue(verdict > 0 && verdict < uk.indexOf("Віче не зберігає квитанцію"), "the verdict comes before the privacy note");
        assertTrue(uk.contains("<code class=\"example-code\">ABCD-EFGH-JKMN-PQRS</code>"), "the example never wraps mid-code");
    }
}
