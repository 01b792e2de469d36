package org.viche.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.asAdmin;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.viche.quarantine.QuarantineConfig;
import org.viche.support.Api;
import org.viche.support.Tokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ConsoleTest {

    @Inject
    ConsoleSessionRepository sessions;

    @Inject
    AdminConfig config;

    @Inject
    QuarantineConfig quarantine;

    @Inject
    ObjectMapper json;

    @Test
    void aVisitorWithoutSessionIsSentToSignIn() {
        ConsoleClient visitor = new ConsoleClient();
        for (String path : List.of("/admin", "/admin/surveys", "/admin/tokens", "/admin/audit", "/admin/results")) {
            visitor.get(path).then().statusCode(303).header("Location", containsString("/admin/sign-in"));
        }
        visitor.get("/admin/sign-in?lang=en").then().statusCode(200)
                .body(containsString("Sign in to the console"), containsString("type=\"password\""));
    }

    @Test
    void signingInSetsAStrictHttpOnlySessionCookieAndStoresOnlyItsHash() {
        ConsoleClient admin = new ConsoleClient();
        Response response = admin.signIn(Api.ADMIN_TOKEN);
        response.then().statusCode(303).header("Location", containsString("/admin"));
        String setCookie = response.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleSessionMechanism.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/admin"), setCookie);
        assertFalse(setCookie.contains(Api.ADMIN_TOKEN), "the token never becomes the cookie");
        assertFalse(response.getHeader("Location").contains(Api.ADMIN_TOKEN), "nor part of an address");

        QuarkusTransaction.requiringNew().run(() -> {
            assertNull(sessions.findById(admin.session), "the session id itself is not stored");
            assertNotNull(sessions.findById(ConsoleSessions.hash(admin.session)), "its hash is");
        });
        admin.get("/admin/surveys?lang=en").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString(Api.DEMO), containsString("Signed in as bootstrap-admin"),
                        not(containsString(Api.ADMIN_TOKEN)));
    }

    @Test
    void theSessionCookieNeverAuthenticatesTheApi() {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        admin.request().get("/api/v1/tokens").then().statusCode(401);
    }

    @Test
    void unknownAndPartnerTokensCannotSignIn() {
        ConsoleClient someone = new ConsoleClient();
        someone.signIn("viche_not-a-token").then().statusCode(401).body(containsString("aria-invalid=\"true\""));
        assertNull(someone.session);
        someone.signIn(Tokens.partner(Api.DEMO)).then().statusCode(401);
        assertNull(someone.session);
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        admin.get("/admin/surveys").then().statusCode(200);
        String old = admin.session;
        Response out = admin.post("/admin/sign-out").post("/admin/sign-out");
        out.then().statusCode(303).header("Location", containsString("/admin/sign-in"));
        assertTrue(out.getHeaders().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(ConsoleSessionMechanism.COOKIE + "=;") && c.contains("Max-Age=0")));
        admin.session = old;
        admin.get("/admin/surveys").then().statusCode(303).header("Location", containsString("/admin/sign-in"));
    }

    @Test
    void anIdleSessionExpires() {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        admin.get("/admin/surveys").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> sessions.findById(ConsoleSessions.hash(admin.session)).lastSeenAt =
                OffsetDateTime.now(ZoneOffset.UTC).minus(config.idleTimeout()).minusSeconds(1));
        admin.get("/admin/surveys").then().statusCode(303).header("Location", containsString("/admin/sign-in"));
        QuarkusTransaction.requiringNew().run(() -> assertNull(sessions.findById(ConsoleSessions.hash(admin.session))));
    }

    @Test
    void revokingTheTokenEndsItsSessions() {
        io.restassured.path.json.JsonPath issued = asAdmin().body(Map.of("name", Api.slug("editor"), "role", "admin"))
                .post("/api/v1/tokens").then().statusCode(201).extract().jsonPath();
        ConsoleClient admin = ConsoleClient.signedIn(issued.getString("token"));
        admin.get("/admin/surveys").then().statusCode(200);
        asAdmin().delete("/api/v1/tokens/" + issued.getString("id")).then().statusCode(200);
        admin.get("/admin/surveys").then().statusCode(303).header("Location", containsString("/admin/sign-in"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        admin.get("/admin/tokens");
        int before = asAdmin().get("/api/v1/tokens").then().extract().jsonPath().getList("$").size();
        admin.request().contentType("application/x-www-form-urlencoded")
                .formParam("name", "forged").formParam("role", "admin").post("/admin/tokens")
                .then().statusCode(400);
        admin.request().contentType("application/x-www-form-urlencoded").formParam(ConsoleClient.CSRF_FIELD, "forged")
                .formParam("name", "forged").formParam("role", "admin").post("/admin/tokens")
                .then().statusCode(400);
        assertEquals(before, asAdmin().get("/api/v1/tokens").then().extract().jsonPath().getList("$").size());
    }

    @Test
    void aResearcherSeesResultsAndDownloadsAndNothingElse() {
        ConsoleClient researcher = ConsoleClient.signedIn(Tokens.researcher());
        researcher.get("/admin").then().statusCode(303).header("Location", containsString("/admin/results"));
        for (String path : List.of("/admin/surveys", "/admin/surveys/new", "/admin/surveys/" + Api.DEMO,
                "/admin/surveys/" + Api.DEMO + "/preview", "/admin/surveys/" + Api.DEMO + "/close",
                "/admin/surveys/" + Api.DEMO + "/definition.json", "/admin/surveys/" + Api.DEMO + "/review",
                "/admin/surveys/" + Api.DEMO + "/invitations", "/admin/tokens", "/admin/audit")) {
            researcher.get(path + "?lang=en").then().statusCode(403).body(containsString("Not allowed for your role"));
        }
        researcher.get("/admin/tokens");
        researcher.post("/admin/tokens").formParam("name", "mine").formParam("role", "admin").post("/admin/tokens")
                .then().statusCode(403);
        researcher.post("/admin/surveys/x/close").post("/admin/surveys/" + Api.DEMO + "/close").then().statusCode(403);
        researcher.get("/admin/results?lang=en").then().statusCode(200).body(containsString(Api.DEMO));
        researcher.get("/admin/surveys/" + Api.DEMO + "/results?lang=en").then().statusCode(200)
                .body(containsString("Current figures"), containsString("Public view"));
        researcher.get("/admin/surveys/" + Api.DEMO + "/download/results.csv").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body(containsString("question,region,option"));
        researcher.get("/admin/surveys/" + Api.DEMO + "/download/responses.csv").then().statusCode(200)
                .body(containsString("response_id"));
        researcher.get("/admin/surveys/" + Api.DEMO + "/download/by-source.json").then().statusCode(200)
                .body(containsString("\"sources\""));
    }

    @Test
    void aDefinitionIsCheckedByTheApisValidatorAndEveryProblemShown() throws Exception {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        admin.get("/admin/surveys/new?lang=en").then().statusCode(200);
        Map<String, Object> bad = new HashMap<>(Api.survey(Api.slug("c-bad"), List.of("UA-14", "XX-99")));
        bad.put("questions", List.of(Map.of("key", "q", "type", "SCALE", "min", 5, "max", 1, "text", Api.en("?"))));
        admin.post("/admin/surveys").formParam("definition", json.writeValueAsString(bad)).post("/admin/surveys?lang=en")
                .then().statusCode(422).body(containsString("regions[1]"), containsString("questions[0]"),
                        containsString("The definition was not stored"));
        admin.post("/admin/surveys").formParam("definition", "{not json").post("/admin/surveys?lang=en")
                .then().statusCode(422).body(containsString("{not json"));
        asAdmin().get("/api/v1/surveys/" + bad.get("slug")).then().statusCode(404);

        admin.get("/admin/surveys/new?from=demo").then().statusCode(200).body(containsString("my-survey"));
    }

    @Test
    void anAdminCreatesPreviewsOpensAndClosesASurvey() throws Exception {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        String slug = Api.slug("c-life");
        admin.get("/admin/surveys/new").then().statusCode(200);
        admin.post("/admin/surveys").formParam("definition", json.writeValueAsString(Api.survey(slug, List.of("UA-14"))))
                .post("/admin/surveys").then().statusCode(303).header("Location", containsString("/admin/surveys/" + slug));
        admin.get("/admin/surveys?lang=en").then().statusCode(200).body(containsString(slug), containsString("Draft"));
        admin.get("/admin/surveys/" + slug + "/preview?lang=en&in=en").then().statusCode(200)
                .body(containsString("Arrangement?"), containsString("answers.arrangement"), containsString("Option sez"));
        admin.get("/admin/surveys/" + slug + "/definition.json").then().statusCode(200)
                .header("Content-Disposition", containsString(slug + ".json")).body(containsString("\"slug\" : \"" + slug + "\""));

        admin.get("/admin/surveys/" + slug + "/open?lang=en").then().statusCode(200)
                .body(containsString("can no longer change"));
        admin.post("/open").post("/admin/surveys/" + slug + "/open").then().statusCode(303);
        asAdmin().get("/api/v1/surveys/" + slug).then().body("status", org.hamcrest.Matchers.equalTo("OPEN"));
        Api.submit(slug, "UA-14", Map.of("arrangement", "sez"));

        admin.get("/admin/surveys/" + slug + "/close?lang=en").then().statusCode(200).body(containsString("No further answers"));
        admin.post("/close").post("/admin/surveys/" + slug + "/close").then().statusCode(303);
        asAdmin().get("/api/v1/surveys/" + slug).then().body("status", org.hamcrest.Matchers.equalTo("CLOSED"));
        admin.get("/admin/audit?lang=en&action=SURVEY_CLOSED&actor=bootstrap").then().statusCode(200)
                .body(containsString(slug), containsString("Survey closed"));
        admin.get("/admin/audit?lang=en&action=SURVEY_CLOSED&actor=nobody-such").then().statusCode(200)
                .body(not(containsString(slug)));
        admin.get("/admin/audit?lang=en&day=not-a-day").then().statusCode(422).body(containsString("YYYY-MM-DD"));
    }

    @Test
    void invitationCodesComeAsCsvOrAsSlipsToPrint() throws Exception {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        Map<String, Object> definition = new HashMap<>(Api.survey(Api.slug("c-codes"), List.of("UA-14")));
        definition.put("access", "TOKEN");
        String slug = Api.open(definition);
        admin.get("/admin/surveys/" + slug + "/invitations").then().statusCode(200);
        String csv = admin.post("").formParam("count", "3").formParam("format", "csv")
                .post("/admin/surveys/" + slug + "/invitations").then().statusCode(200)
                .header("Content-Disposition", containsString("invitations.csv")).extract().asString();
        assertEquals(4, csv.strip().split("\n").length, csv);
        admin.get("/admin/surveys/" + slug + "/invitations");
        String sheet = admin.post("").formParam("count", "2").formParam("format", "sheet")
                .post("/admin/surveys/" + slug + "/invitations?lang=en").then().statusCode(200).extract().asString();
        assertEquals(2, sheet.split("class=\"slip\"").length - 1);
        assertTrue(sheet.contains("/s/" + slug), "the survey's address is on each slip");
        admin.get("/admin/surveys/" + slug + "/invitations");
        admin.post("").formParam("count", "0").formParam("format", "csv")
                .post("/admin/surveys/" + slug + "/invitations?lang=en").then().statusCode(422)
                .body(containsString("whole number from 1 to"));
    }

    @Test
    void partnerTokensAreIssuedOnceListedAndRevoked() {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        admin.get("/admin/tokens?lang=en").then().statusCode(200).body(containsString("bootstrap-admin"));
        String name = Api.slug("news-site");
        String page = admin.post("/admin/tokens").formParam("name", name).formParam("role", "partner")
                .formParam("surveys", Api.DEMO).post("/admin/tokens?lang=en").then().statusCode(201)
                .header("Cache-Control", "no-store").extract().asString();
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("id=\"secret\" class=\"secret\">([^<]+)<").matcher(page);
        assertTrue(secret.find(), page);
        Api.withToken(secret.group(1)).get("/api/v1/tokens").then().statusCode(403);
        String list = admin.get("/admin/tokens?lang=en").then().statusCode(200).body(containsString(name))
                .extract().asString();
        assertFalse(list.contains(secret.group(1)), "the secret is never shown again");
        String id = asAdmin().get("/api/v1/tokens").then().extract().jsonPath().getString("find { it.name == '" + name + "' }.id");
        admin.post("").post("/admin/tokens/" + id + "/revoke").then().statusCode(303);
        asAdmin().get("/api/v1/tokens").then().body("find { it.name == '" + name + "' }.revokedAt", org.hamcrest.Matchers.notNullValue());

        admin.get("/admin/tokens");
        admin.post("").formParam("name", "").formParam("role", "partner").post("/admin/tokens?lang=en")
                .then().statusCode(422).body(containsString("name"));
    }

    @Test
    void heldResponsesAreReviewedAsGroupsAndEveryDecisionAudited() {
        String slug = Api.openSurvey("c-review", List.of("UA-14"));
        List<Map<String, Object>> items = new ArrayList<>();
        // one anonymous client past its burst allowance (partners are never held for popularity)
        for (int i = 0; i < quarantine.perClient() + 3; i++) {
            Api.json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez", "trust", 3)))
                    .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        }
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        String queue = admin.get("/admin/surveys/" + slug + "/review?lang=en").then().statusCode(200)
                .body(containsString("Many answers from one connection"), containsString("UA-14"), not(containsString("sez")))
                .extract().asString();
        java.util.regex.Matcher group = java.util.regex.Pattern.compile("name=\"group\" value=\"([^\"]+)\"").matcher(queue);
        assertTrue(group.find(), queue);
        admin.post("").formParam("group", group.group(1)).formParam("verdict", "reject")
                .post("/admin/surveys/" + slug + "/review").then().statusCode(303);
        asAdmin().get("/api/v1/surveys/" + slug + "/quarantine").then().body("responses.size()", org.hamcrest.Matchers.equalTo(0));
        List<?> rejected = asAdmin().get("/api/v1/audit?limit=1000").then().extract().jsonPath()
                .getList("events.findAll { it.action == 'QUARANTINE_REJECTED' && it.subject == '" + slug + "' }");
        assertEquals(3, rejected.size());
        admin.get("/admin/surveys/" + slug + "/review?lang=en").then().body(containsString("Nothing is held"));
    }

    @Test
    void theStructuredEditorAddsRowsShowsErrorsBesideFieldsAndSaves() {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        admin.get("/admin/builder?lang=en").then().statusCode(200)
                .body(containsString("name=\"questions[0].options[0].text.uk\""), containsString("not translated"));
        String slug = Api.slug("c-built");
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("slug", slug);
        form.put("title.en", "Built");
        form.put("languages", "en");
        form.put("regionScheme", "UA");
        form.put("regions", "UA-14, UA-09");
        form.put("access", "OPEN");
        form.put("results.visibility", "LIVE");
        form.put("questions[0].key", "arrangement");
        form.put("questions[0].type", "SINGLE_CHOICE");
        form.put("questions[0].required", "true");
        form.put("questions[0].text.en", "Which?");
        form.put("questions[0].options[0].key", "sez");
        form.put("questions[0].options[0].text.en", "A zone");
        form.put("questions[0].options[1].key", "dmz");
        form.put("questions[0].options[1].text.en", "A buffer");
        String page = admin.post("").formParams(form).formParam("action", "addOption:0").formParam("newType", "SCALE")
                .post("/admin/builder?lang=en").then().statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"questions[0].options[2].key\""), "a third option row");
        admin.get("/admin/builder?lang=en");
        page = admin.post("").formParams(form).formParam("action", "addQuestion").formParam("newType", "SCALE")
                .post("/admin/builder?lang=en").then().statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"questions[1].min\""), "a scale question with its bounds");

        form.put("questions[1].key", "trust");
        form.put("questions[1].type", "SCALE");
        form.put("questions[1].text.en", "Trust?");
        form.put("questions[1].min", "5");
        form.put("questions[1].max", "1");
        admin.get("/admin/builder?lang=en");
        admin.post("").formParams(form).formParam("action", "save").post("/admin/builder?lang=en").then().statusCode(422)
                .body(containsString("questions[1]"), containsString("The definition was not stored"));
        asAdmin().get("/api/v1/surveys/" + slug).then().statusCode(404);

        form.put("questions[1].min", "1");
        form.put("questions[1].max", "5");
        form.put("questions[2].key", "why");
        form.put("questions[2].type", "TEXT");
        form.put("questions[2].maxLength", "200");
        form.put("questions[2].text.en", "Why?");
        form.put("questions[2].showIf.question", "arrangement");
        form.put("questions[2].showIf.anyOf", "sez");
        admin.get("/admin/builder?lang=en");
        Response saved = admin.post("").formParams(form).formParam("action", "save").post("/admin/builder?lang=en");
        assertEquals(303, saved.statusCode(), saved.asString().replaceAll("(?s).*error-summary", ""));
        io.restassured.path.json.JsonPath stored = asAdmin().get("/api/v1/surveys/" + slug).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("UA-14", "UA-09"), stored.getList("regions"));
        assertEquals(5, stored.getInt("questions[1].max"));
        assertEquals(List.of("sez"), stored.getList("questions[2].showIf.anyOf"));
        assertEquals(true, stored.getBoolean("questions[0].required"));
        admin.get("/admin/builder/" + slug + "?lang=en").then().statusCode(200)
                .body(containsString("value=\"arrangement\""), containsString(">UA-14, UA-09</textarea>"));
    }
}
