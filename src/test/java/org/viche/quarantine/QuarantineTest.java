package org.viche.quarantine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.json;
import static org.viche.support.Api.openSurvey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.viche.ratelimit.RateLimiter;
import org.viche.ratelimit.SubmissionLimits;
import org.viche.receipt.Sealer;
import org.viche.response.Channel;
import org.viche.response.ResponseService;
import org.viche.response.SubmissionRequest;
import org.viche.support.AuditTrail;
import org.viche.support.Invitations;
import org.viche.support.Tokens;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class QuarantineTest {

    static final Map<String, Object> SAME = Map.of("arrangement", "sez", "trust", 3);

    @Inject
    QuarantineConfig config;

    @Inject
    RateLimiter counters;

    @Inject
    SubmissionLimits limits;

    @Inject
    SurveyService surveys;

    @Inject
    ResponseService responses;

    @Inject
    Sealer sealer;

    @Inject
    ObjectMapper json;

    private static JsonPath results(String slug) {
        return asAdmin().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath held(String slug) {
        return asAdmin().get("/api/v1/surveys/" + slug + "/quarantine").then().statusCode(200).extract().jsonPath();
    }

    /** A partner batch of {@code identical + extra} responses with the same answers. */
    private List<String> identicalBatch(String slug, int extra, Map<String, Object> more) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < config.identicalAnswers() + extra; i++) {
            Map<String, Object> item = new HashMap<>(Map.of("region", "UA-14", "answers", SAME));
            item.putAll(more);
            items.add(item);
        }
        JsonPath batch = json().header("Authorization", "Bearer " + Tokens.partner(slug)).body(Map.of("items", items))
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(200).extract().jsonPath();
        assertTrue(batch.getList("results.status", Integer.class).stream().allMatch(s -> s == 201), batch.prettify());
        return batch.getList("results.receipt", String.class);
    }

    @Test
    void identicalAnswersPastTheThresholdAreStoredSealedButNotCounted() {
        String slug = openSurvey("q-identical", List.of("UA-14"));
        List<String> receipts = identicalBatch(slug, 2, Map.of());

        JsonPath results = results(slug);
        assertEquals(config.identicalAnswers(), results.getInt("responses"));
        assertEquals(2, results.getInt("quarantined"));
        JsonPath held = held(slug);
        assertEquals(List.of("IDENTICAL_ANSWERS", "IDENTICAL_ANSWERS"), held.getList("responses.reason"));
        assertEquals(List.of("UA-14", "UA-14"), held.getList("responses.region"));
        assertTrue(held.getString("responses[0].submittedAt").matches("\\d{4}-\\d\\d-\\d\\dT.*"));

        sealer.sealPending();
        given().get("/api/v1/receipts/" + receipts.get(receipts.size() - 1)).then().statusCode(200)
                .body("sealed", equalTo(true));
    }

    @Test
    void aBurstFromOneClientIsHeldWhileItsPartnersAreJudgedByAnswersOnly() {
        String slug = openSurvey("q-client", List.of("UA-14"));
        long surveyId = surveys.find(slug).orElseThrow().id();
        // REST Assured connects from the loopback address: that client has already sent its fill in this window
        String client = limits.clientHash("127.0.0.1");
        counters.add(Map.of(QuarantinePolicy.clientBucket(surveyId, client), config.perClient()), config.window());

        json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "dmz")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        json().header("Authorization", "Bearer " + Tokens.partner(slug))
                .body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);

        assertEquals(1, results(slug).getInt("responses"), "the partner's response counts");
        assertEquals(1, results(slug).getInt("quarantined"));
        assertEquals(List.of("CLIENT_BURST"), held(slug).getList("responses.reason"));
    }

    @Test
    void theWebFormGetsTheSameDecisionFromTheServiceForTheHashItPasses() throws Exception {
        String slug = openSurvey("q-web", List.of("UA-14"));
        SurveySnapshot survey = surveys.find(slug).orElseThrow();
        String formClient = "web-client-" + UUID.randomUUID();
        counters.add(Map.of(QuarantinePolicy.clientBucket(survey.id(), formClient), config.perClient()), config.window());

        responses.submit(survey, new SubmissionRequest("UA-14", null, json.valueToTree(Map.of("arrangement", "dmz")), null),
                new ResponseService.Origin(Channel.WEB, null, null, formClient));
        responses.submit(survey, new SubmissionRequest("UA-14", null, json.valueToTree(Map.of("arrangement", "sez")), null),
                new ResponseService.Origin(Channel.WEB, null, null, "another-client"));

        assertEquals(1, results(slug).getInt("responses"));
        assertEquals(1, results(slug).getInt("quarantined"));
    }

    @Test
    void releasingCountsAHeldResponseAndRejectingKeepsItUncounted() {
        String slug = openSurvey("q-decide", List.of("UA-14"));
        identicalBatch(slug, 2, Map.of());
        List<String> ids = held(slug).getList("responses.id");
        String base = "/api/v1/surveys/" + slug + "/quarantine/";

        asAdmin().post(base + ids.get(0) + "/release").then().statusCode(200)
                .body("id", equalTo(ids.get(0))).body("status", equalTo("ACCEPTED"));
        JsonPath released = results(slug);
        assertEquals(config.identicalAnswers() + 1, released.getInt("responses"));
        assertEquals(1, released.getInt("quarantined"));
        assertEquals(config.identicalAnswers() + 1,
                released.getInt("questions.find { it.key == 'arrangement' }.overall.options.find { it.key == 'sez' }.count"),
                "its answers are counted too");

        asAdmin().post(base + ids.get(1) + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        JsonPath rejected = results(slug);
        assertEquals(config.identicalAnswers() + 1, rejected.getInt("responses"));
        assertEquals(0, rejected.getInt("quarantined"));
        assertEquals(List.of(), held(slug).getList("responses"));

        asAdmin().post(base + ids.get(0) + "/reject").then().statusCode(409).contentType("application/problem+json");
        asAdmin().post(base + ids.get(1) + "/release").then().statusCode(409);
        asAdmin().post(base + UUID.randomUUID() + "/release").then().statusCode(404).contentType("application/problem+json");
        asAdmin().post(base + "not-a-uuid/release").then().statusCode(404).contentType("application/problem+json");

        List<Map<String, Object>> decisions = AuditTrail.about(slug).stream()
                .filter(e -> e.get("action").toString().startsWith("QUARANTINE_")).toList();
        assertEquals(List.of("QUARANTINE_RELEASED", "QUARANTINE_REJECTED"), decisions.stream().map(e -> e.get("action")).toList());
        assertEquals(Map.of("response", ids.get(0)), decisions.get(0).get("details"));
    }

    @Test
    void heldResponsesArePagedByCursor() {
        String slug = openSurvey("q-page", List.of("UA-14"));
        identicalBatch(slug, 3, Map.of());
        JsonPath first = asAdmin().get("/api/v1/surveys/" + slug + "/quarantine?limit=2").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, first.getList("responses").size());
        JsonPath second = asAdmin().get("/api/v1/surveys/" + slug + "/quarantine?limit=2&after=" + first.getString("next"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, second.getList("responses").size());
        assertTrue(second.get("next") == null);
        List<Object> all = new ArrayList<>(first.getList("responses.id"));
        all.addAll(second.getList("responses.id"));
        assertEquals(3, all.stream().distinct().count());
        asAdmin().get("/api/v1/surveys/" + slug + "/quarantine?limit=x").then().statusCode(400);
        asAdmin().get("/api/v1/surveys/" + slug + "/quarantine?after=x").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void tokenSurveysAreGatedByTheirCodesNotByQuarantine() {
        String slug = Invitations.openTokenSurvey("q-token");
        List<String> codes = Invitations.codes(slug, config.identicalAnswers() + 1);
        List<Map<String, Object>> items = codes.stream()
                .map(code -> Map.<String, Object>of("region", "UA-14", "answers", SAME, "invitation", code)).toList();
        json().header("Authorization", "Bearer " + Tokens.partner(slug)).body(Map.of("items", items))
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(200);
        assertEquals(config.identicalAnswers() + 1, results(slug).getInt("responses"));
        assertEquals(0, results(slug).getInt("quarantined"));
    }
}
