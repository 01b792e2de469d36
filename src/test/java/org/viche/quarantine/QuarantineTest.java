package org.viche.quarantine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.viche.region.RegionCatalog;
import org.viche.ratelimit.SubmissionLimits;
import org.viche.receipt.Sealer;
import org.viche.response.Channel;
import org.viche.response.ResponseService;
import org.viche.results.TallyRollup;
import org.viche.response.Submitter;
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

    @Inject
    TallyRollup rollup;

    @Inject
    QuarantineService quarantine;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    RegionCatalog regions;

    /**
     * A copy of the database holds the answers; were counter names plain hashes of them, it could
     * recompute each response's name and read its ten-second slot. Names are keyed by the secret.
     */
    @Test
    void answerSetCountersCannotBeMatchedToStoredAnswersWithoutTheSecret() throws Exception {
        String slug = openSurvey("q-keyed", List.of("UA-14"));
        SurveySnapshot survey = surveys.find(slug).orElseThrow();
        responses.submit(survey, new SubmissionRequest("UA-14", null, json.valueToTree(Map.of("arrangement", "dmz")), null),
                new Submitter.Anonymous("keyed-" + UUID.randomUUID()), Channel.WEB, null);
        String choices = QuarantinePolicy.choicesOf(survey.definition(), json.valueToTree(Map.of("arrangement", "dmz")));
        byte[] plain = java.security.MessageDigest.getInstance("SHA-256")
                .digest((survey.id() + "\n" + "UA-14" + "\n" + choices).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String guessable = java.util.HexFormat.of().formatHex(plain, 0, 16);
        List<String> names = new java.util.ArrayList<>();
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement q = c.prepareStatement(
                        "select bucket from viche.rate_limit_window where bucket like ?")) {
            q.setString(1, "review:arrived:" + survey.id() + ":%");
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        assertEquals(1, names.size(), "the response was counted under one answer-set name: " + names);
        assertTrue(names.stream().noneMatch(n -> n.contains(guessable)), "not the plain hash of the stored answers");
    }

    @Test
    void freeTextIsNoPartOfAPatternSoVaryingItCannotSplitAFlood() {
        SurveySnapshot demo = surveys.find(org.viche.support.Api.DEMO).orElseThrow();
        java.util.function.Function<Map<String, Object>, String> pattern = answers -> QuarantinePolicy.pattern(ReviewSimulation.PATTERN_KEY, demo.id(), "UA-14",
                QuarantinePolicy.choicesOf(demo.definition(), json.valueToTree(answers)));
        String one = pattern.apply(Map.of("arrangement", "dmz", "comment", "first copy"));
        assertEquals(one, pattern.apply(Map.of("arrangement", "dmz", "comment", "second copy")), "the same choices: one pattern");
        assertNotEquals(one, pattern.apply(Map.of("arrangement", "sez", "comment", "first copy")), "other choices: another pattern");
    }

    @Test
    void theSimulationUnderBenchJudgesWithTheServicesOwnSettings() {
        assertEquals(QuarantinePolicy.settings(config), ReviewSimulation.defaults());
    }

    private static JsonPath results(String slug) {
        return asAdmin().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath held(String slug) {
        return asAdmin().get("/api/v1/surveys/" + slug + "/quarantine").then().statusCode(200).extract().jsonPath();
    }

    /** A survey over every region of the scheme: no region's answers may plausibly be all of them. */
    private String nationalSurvey(String prefix) {
        return openSurvey(prefix, List.copyOf(new java.util.TreeSet<>(regions.populations("UA").keySet())));
    }

    /**
     * A flood into a fresh national survey: {@code count} anonymous responses from distinct
     * clients, all with the same answers in UA-14; returns how many were counted.
     */
    private void flood(String slug, int count) {
        SurveySnapshot survey = surveys.find(slug).orElseThrow();
        for (int i = 0; i < count; i++) {
            responses.submit(survey, new SubmissionRequest("UA-14", null, json.valueToTree(SAME), null),
                    new Submitter.Anonymous("flood-client-" + UUID.randomUUID()), Channel.WEB, null);
        }
    }

    /** A partner relays {@code count} genuine answers to a yes/no-like question, 70% "sez", in one batch. */
    private List<Integer> partnerBatch(String slug, int count) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Map.of("region", "UA-14", "answers", Map.of("arrangement", i % 10 < 7 ? "sez" : "dmz")));
        }
        return json().header("Authorization", "Bearer " + Tokens.partner(slug)).body(Map.of("items", items))
                .post("/api/v1/surveys/" + slug + "/responses/batch").then().statusCode(200).extract().jsonPath()
                .getList("results.status", Integer.class);
    }

    @Test
    void aPartnersBatchOfFourHundredPopularAnswersIsAllCounted() {
        String slug = nationalSurvey("q-partner");
        List<Integer> statuses = partnerBatch(slug, 400);
        assertTrue(statuses.stream().allMatch(s -> s == 201));
        JsonPath results = results(slug);
        assertEquals(400, results.getInt("responses"));
        assertEquals(0, results.getInt("quarantined"));
        assertEquals(280, results.getInt("questions.find { it.key == 'arrangement' }.overall.options.find { it.key == 'sez' }.count"));
    }

    @Test
    void genuineVariedAnswersFromManyClientsAreAllCounted() {
        String slug = nationalSurvey("q-crowd");
        SurveySnapshot survey = surveys.find(slug).orElseThrow();
        List<String> codes = survey.regionCodes();
        String[] options = {"sez", "sez", "sez", "dmz", "return"};
        for (int i = 0; i < 300; i++) {
            responses.submit(survey, new SubmissionRequest(codes.get(i % codes.size()), null,
                    json.valueToTree(Map.of("arrangement", options[i % options.length])), null),
                    new Submitter.Anonymous("crowd-" + i), Channel.WEB, null);
        }
        assertEquals(300, results(slug).getInt("responses"));
        assertEquals(0, results(slug).getInt("quarantined"));
    }

    @Test
    void aFloodOfOneAnswerSetIntoOneRegionIsHeldStoredAndSealedButNotCounted() {
        String slug = nationalSurvey("q-flood");
        flood(slug, 150);

        JsonPath results = results(slug);
        long held = results.getLong("quarantined");
        assertTrue(held > 0 && held < 150, "the surge is held once it stands out: " + held);
        assertEquals(150 - held, results.getInt("responses"));
        assertTrue(results.getInt("responses") >= config.identicalAnswers(), "never before the least excess");
        assertEquals(Map.of("ANSWER_SURGE", (int) held), results.getMap("quarantinedByReason"), "how many, and why");
        assertEquals(java.util.Arrays.stream(QuarantineReason.values()).map(Enum::name).toList(),
                org.viche.results.TallyBuckets.QUARANTINE_REASONS, "results know every reason");
        JsonPath list = held(slug);
        assertTrue(list.getList("responses.reason").stream().allMatch("ANSWER_SURGE"::equals));
        assertTrue(list.getList("responses.region").stream().allMatch("UA-14"::equals));
        assertTrue(list.getString("responses[0].submittedAt").matches("\\d{4}-\\d\\d-\\d\\dT.*"));

        sealer.sealPending();
        String receipt = asAdmin().get("/api/v1/surveys/" + slug + "/quarantine").then().extract().path("responses[0].id");
        assertTrue(receipt != null);
    }

    @Test
    void aBurstFromOneClientIsHeldWhileItsPartnersAreJudgedByAnswersOnly() {
        String slug = openSurvey("q-client", List.of("UA-14"));
        long surveyId = surveys.find(slug).orElseThrow().id();
        // REST Assured connects from the loopback address: that client has already sent its fill in this window
        String client = limits.clientHash("127.0.0.1");
        counters.addSliding(Map.of(QuarantinePolicy.clientBucket(surveyId, client), config.perClient()), config.window());

        json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "dmz")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        json().header("Authorization", "Bearer " + Tokens.partner(slug))
                .body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);

        assertEquals(1, results(slug).getInt("responses"), "the partner's response counts");
        assertEquals(1, results(slug).getInt("quarantined"));
        assertEquals(Map.of("CLIENT_BURST", 1), results(slug).getMap("quarantinedByReason"));
        assertEquals(List.of("CLIENT_BURST"), held(slug).getList("responses.reason"));
    }

    @Test
    void theWebFormGetsTheSameDecisionFromTheServiceForTheHashItPasses() throws Exception {
        String slug = openSurvey("q-web", List.of("UA-14"));
        SurveySnapshot survey = surveys.find(slug).orElseThrow();
        String formClient = atItsBurstLimit(survey, "web-client-");

        responses.submit(survey, new SubmissionRequest("UA-14", null, json.valueToTree(Map.of("arrangement", "dmz")), null),
                new Submitter.Anonymous(formClient), Channel.WEB, null);
        responses.submit(survey, new SubmissionRequest("UA-14", null, json.valueToTree(Map.of("arrangement", "sez")), null),
                new Submitter.Anonymous("another-client"), Channel.WEB, null);

        assertEquals(1, results(slug).getInt("responses"));
        assertEquals(1, results(slug).getInt("quarantined"));
    }

    /**
     * A decision and the roll-up may meet in either order: released before the roll-up folds
     * the response (it is then folded as counted) or after (the tally moves it from held to
     * counted). Either way it is counted once, and once folded the tally says so too.
     */
    @Test
    void aHeldResponseIsCountedOnceWhetherReleasedBeforeOrAfterTheRollUpFoldsIt() throws Exception {
        for (boolean foldFirst : new boolean[] {false, true}) {
            String slug = openSurvey(foldFirst ? "q-fold-first" : "q-release-first", List.of("UA-14"));
            SurveySnapshot survey = surveys.find(slug).orElseThrow();
            String client = atItsBurstLimit(survey, "held-client-");
            responses.submit(survey, new SubmissionRequest("UA-14", null, json.valueToTree(Map.of("arrangement", "dmz")), null),
                    new Submitter.Anonymous(client), Channel.WEB, null);
            String id = held(slug).getString("responses[0].id");
            if (foldFirst) {
                rollup.fold();
            }
            asAdmin().post("/api/v1/surveys/" + slug + "/quarantine/" + id + "/release").then().statusCode(200);
            rollup.fold();

            JsonPath now = results(slug);
            assertEquals(1, now.getInt("responses"), foldFirst ? "released after the fold" : "released before the fold");
            assertEquals(0, now.getInt("quarantined"));
            assertEquals(Map.of("responses", 1L, "quarantined", 0L), tallied(survey.id()), "the tally itself, folded");
        }
    }

    /**
     * A group decision meets the roll-up as a single one does: a group may hold a response the
     * roll-up has folded (as held) and one it has not yet. Released together, each is counted once.
     */
    @Test
    void aGroupReleasedAcrossTheRollUpsWatermarkIsCountedOnce() throws Exception {
        String slug = openSurvey("q-group-fold", List.of("UA-14"));
        SurveySnapshot survey = surveys.find(slug).orElseThrow();
        String client = atItsBurstLimit(survey, "group-client-");
        SubmissionRequest same = new SubmissionRequest("UA-14", null, json.valueToTree(Map.of("arrangement", "dmz")), null);
        responses.submit(survey, same, new Submitter.Anonymous(client), Channel.WEB, null);
        rollup.fold();
        responses.submit(survey, same, new Submitter.Anonymous(client), Channel.WEB, null);

        List<QuarantineService.HeldGroup> groups = quarantine.groups(survey);
        assertEquals(1, groups.size(), "one reason, one answer set: " + groups);
        assertEquals(2, groups.get(0).count());
        QuarantineService.Outcome outcome = quarantine.decideGroup(survey, groups.get(0).reason(), groups.get(0).pattern(),
                QuarantineService.Verdict.RELEASE);
        assertEquals(new QuarantineService.Outcome.GroupDecided(2), outcome);
        rollup.fold();

        JsonPath now = results(slug);
        assertEquals(2, now.getInt("responses"));
        assertEquals(0, now.getInt("quarantined"));
        assertEquals(Map.of("responses", 2L, "quarantined", 0L), tallied(survey.id()), "the tally itself, folded");
    }

    /** A new client that has already sent as much as a burst allows: its next response is held. */
    private String atItsBurstLimit(SurveySnapshot survey, String prefix) {
        String client = prefix + UUID.randomUUID();
        counters.addSliding(Map.of(QuarantinePolicy.clientBucket(survey.id(), client), config.perClient()), config.window());
        return client;
    }

    /** The survey-level counters in the tally table alone (what has been folded). */
    private Map<String, Long> tallied(long surveyId) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement q = c.prepareStatement("select bucket, sum(count) from viche.tally "
                        + "where survey_id = ? and question = '' and bucket in ('responses', 'quarantined') group by bucket")) {
            q.setLong(1, surveyId);
            Map<String, Long> counts = new java.util.HashMap<>(Map.of("responses", 0L, "quarantined", 0L));
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        }
    }

    @Test
    void releasingCountsAHeldResponseAndRejectingKeepsItUncounted() {
        String slug = nationalSurvey("q-decide");
        flood(slug, config.identicalAnswers() * 3);
        long counted = results(slug).getLong("responses");
        List<String> ids = held(slug).getList("responses.id");
        String base = "/api/v1/surveys/" + slug + "/quarantine/";

        asAdmin().post(base + ids.get(0) + "/release").then().statusCode(200)
                .body("id", equalTo(ids.get(0))).body("status", equalTo("ACCEPTED"));
        JsonPath released = results(slug);
        long held = released.getLong("quarantined");
        assertEquals(counted + 1, released.getInt("responses"));
        assertEquals(counted + 1,
                released.getInt("questions.find { it.key == 'arrangement' }.overall.options.find { it.key == 'sez' }.count"),
                "its answers are counted too");

        asAdmin().post(base + ids.get(1) + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        JsonPath rejected = results(slug);
        assertEquals(counted + 1, rejected.getInt("responses"));
        assertEquals(held - 1, rejected.getInt("quarantined"));

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
        String slug = nationalSurvey("q-page");
        flood(slug, config.identicalAnswers() * 3);
        JsonPath first = asAdmin().get("/api/v1/surveys/" + slug + "/quarantine?limit=2").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, first.getList("responses").size());
        JsonPath second = asAdmin().get("/api/v1/surveys/" + slug + "/quarantine?limit=2&after=" + first.getString("next"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, second.getList("responses").size());
        List<Object> all = new ArrayList<>(first.getList("responses.id"));
        all.addAll(second.getList("responses.id"));
        assertEquals(4, all.stream().distinct().count());
        long held = results(slug).getLong("quarantined");
        JsonPath everything = asAdmin().get("/api/v1/surveys/" + slug + "/quarantine?limit=1000").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(held, everything.getList("responses").size());
        assertTrue(everything.get("next") == null);
        asAdmin().get("/api/v1/surveys/" + slug + "/quarantine?limit=x").then().statusCode(400);
        asAdmin().get("/api/v1/surveys/" + slug + "/quarantine?after=x").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void afterCloseHeldResponsesStayUncountedDisclosedAndFinalFiguresNeverChange() {
        String slug = nationalSurvey("q-closed");
        flood(slug, config.identicalAnswers() * 3);
        List<String> ids = held(slug).getList("responses.id");
        assertTrue(!ids.isEmpty());
        asAdmin().post("/api/v1/surveys/" + slug + "/close").then().statusCode(200);

        JsonPath first = given().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200).extract().jsonPath();
        String base = "/api/v1/surveys/" + slug + "/quarantine/";
        asAdmin().post(base + ids.get(0) + "/release").then().statusCode(409).contentType("application/problem+json");
        asAdmin().post(base + ids.get(1) + "/reject").then().statusCode(409).contentType("application/problem+json");
        JsonPath second = given().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200).extract().jsonPath();

        // public counts are perturbed; the exact figure is the admin's
        assertEquals(ids.size(), results(slug).getInt("quarantined"), "held at close: uncounted, and disclosed as such");
        assertTrue(first.getInt("quarantined") > 0, "the public results disclose them too");
        Map<String, Object> a = new HashMap<>(first.getMap(""));
        Map<String, Object> b = new HashMap<>(second.getMap(""));
        a.remove("generatedAt");
        b.remove("generatedAt");
        assertEquals(a, b, "two reads of the final results agree");
        assertEquals(ids, held(slug).getList("responses.id"));
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
