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

    @Inject
    javax.sql.DataSource dataSource;

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
        String lastUsed = asAdmin().get("/api/v1/tokens").then().extract().path("find { it.name == '" + name + "' }.lastUsedAt");
        admin.get("/admin/tokens?lang=uk").then().statusCode(200).body(containsString("Востаннє використано "
                + org.viche.web.Times.inWords(OffsetDateTime.parse(lastUsed), java.util.Locale.forLanguageTag("uk"))));
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
    void heldResponsesAreReviewedAsGroupsOfReasonAndPatternAndEveryDecisionAudited() throws Exception {
        String slug = Api.openSurvey("c-review", List.of("UA-14"));
        // one anonymous client past its burst allowance (partners are never held for popularity):
        // the surplus is held, two responses with one answer set and three with another
        for (int i = 0; i < quarantine.perClient(); i++) {
            submitAnonymously(slug, "sez", 1);
        }
        for (int i = 0; i < 2; i++) {
            submitAnonymously(slug, "dmz", 2);
        }
        for (int i = 0; i < 3; i++) {
            submitAnonymously(slug, "sez", 3);
        }
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        String queue = admin.get("/admin/surveys/" + slug + "/review?lang=en").then().statusCode(200)
                .body(containsString("Many answers from one connection"), containsString("Answer pattern"),
                        not(containsString("sez")), not(containsString("dmz")))
                .extract().asString();
        java.util.regex.Matcher group = java.util.regex.Pattern
                .compile("name=\"pattern\" value=\"([0-9a-f]{20})\"").matcher(queue);
        List<String> patterns = new ArrayList<>();
        while (group.find()) {
            patterns.add(group.group(1));
        }
        assertEquals(2, patterns.size(), queue);
        // the key is not the database's digest of the answers (that one never leaves the server)
        List<String> digests = digests(slug);
        assertEquals(2, digests.size());
        assertTrue(digests.stream().noneMatch(d -> patterns.stream().anyMatch(p -> d.contains(p))), digests + " " + patterns);
        // largest group first: the three identical answers
        assertTrue(queue.indexOf("<td class=\"num\">3</td>") < queue.indexOf("<td class=\"num\">2</td>"), queue);

        admin.post("").formParam("reason", "CLIENT_BURST").formParam("pattern", patterns.get(0)).formParam("verdict", "reject")
                .post("/admin/surveys/" + slug + "/review").then().statusCode(303);
        assertEquals(2, asAdmin().get("/api/v1/surveys/" + slug + "/quarantine").then().extract().jsonPath()
                .getList("responses").size(), "the other group is still held");
        // the same decision again (another tab): nothing left to move, nothing audited
        admin.get("/admin/surveys/" + slug + "/review");
        admin.post("").formParam("reason", "CLIENT_BURST").formParam("pattern", patterns.get(0)).formParam("verdict", "reject")
                .post("/admin/surveys/" + slug + "/review").then().statusCode(303);
        admin.get("/admin/surveys/" + slug + "/review");
        admin.post("").formParam("reason", "CLIENT_BURST").formParam("pattern", patterns.get(1)).formParam("verdict", "release")
                .post("/admin/surveys/" + slug + "/review").then().statusCode(303);
        asAdmin().get("/api/v1/surveys/" + slug + "/quarantine").then().body("responses.size()", org.hamcrest.Matchers.equalTo(0));
        asAdmin().get("/api/v1/surveys/" + slug + "/results").then().body("responses",
                org.hamcrest.Matchers.equalTo(quarantine.perClient() + 2));

        io.restassured.path.json.JsonPath audit = asAdmin().get("/api/v1/audit?limit=1000").then().extract().jsonPath();
        List<Map<String, Object>> rejected = audit.getList("events.findAll { it.action == 'QUARANTINE_REJECTED' && it.subject == '"
                + slug + "' }.details");
        assertEquals(List.of(Map.of("reason", "CLIENT_BURST", "pattern", patterns.get(0), "count", 3)), rejected);
        List<Map<String, Object>> released = audit.getList("events.findAll { it.action == 'QUARANTINE_RELEASED' && it.subject == '"
                + slug + "' }.details");
        assertEquals(List.of(Map.of("reason", "CLIENT_BURST", "pattern", patterns.get(1), "count", 2)), released);
        admin.get("/admin/surveys/" + slug + "/review?lang=en").then().body(containsString("Nothing is held"));

        admin.post("").formParam("reason", "NOT_A_REASON").formParam("pattern", patterns.get(1)).formParam("verdict", "release")
                .post("/admin/surveys/" + slug + "/review").then().statusCode(400);
    }

    private List<String> digests(String slug) throws java.sql.SQLException {
        List<String> digests = new ArrayList<>();
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement q = c.prepareStatement("select distinct md5(answers::text) from response r"
                        + " join survey s on s.id = r.survey_id where s.slug = ? and r.status = 'QUARANTINED'")) {
            q.setString(1, slug);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    digests.add(rs.getString(1));
                }
            }
        }
        return digests;
    }

    private static void submitAnonymously(String slug, String arrangement, int trust) {
        Api.json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", arrangement, "trust", trust)))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
    }

    @Test
    void aDefinitionFileIsUploadedUnderCsrfAndABadFileIsShownBackWithItsProblem() throws Exception {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        String slug = Api.slug("c-upload");
        byte[] good = json.writeValueAsBytes(Api.survey(slug, List.of("UA-14")));

        // without the CSRF field the upload is refused and nothing is stored
        admin.get("/admin/surveys/new?lang=en").then().statusCode(200)
                .body(containsString("enctype=\"multipart/form-data\""), containsString("type=\"file\""));
        admin.request().multiPart("file", "survey.json", good, "application/json").post("/admin/surveys?lang=en")
                .then().statusCode(400);
        asAdmin().get("/api/v1/surveys/" + slug).then().statusCode(404);

        admin.get("/admin/surveys/new?lang=en");
        admin.multipart().multiPart("file", "big.json", new byte[64 * 1024 + 1], "application/json")
                .multiPart("definition", "{\"kept\": true}").post("/admin/surveys?lang=en")
                .then().statusCode(422).body(containsString("The file is larger than 64 KB."), containsString("href=\"#file\""),
                        containsString("{&quot;kept&quot;: true}"));
        admin.get("/admin/surveys/new?lang=en");
        byte[] utf16 = "{\"slug\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16);
        admin.multipart().multiPart("file", "utf16.json", utf16, "application/json").post("/admin/surveys?lang=en")
                .then().statusCode(422).body(containsString("The file is not UTF-8 text"));
        admin.get("/admin/surveys/new?lang=en");
        admin.multipart().multiPart("file", "latin1.json", new byte[] { '{', (byte) 0xe9, '}' }, "application/json")
                .post("/admin/surveys?lang=en").then().statusCode(422).body(containsString("The file is not UTF-8 text"));
        admin.get("/admin/surveys/new?lang=uk");
        admin.multipart().multiPart("file", "notes.json", "just notes".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/json").post("/admin/surveys?lang=uk")
                .then().statusCode(422).body(containsString("Це не визначення опитування у форматі JSON."));
        admin.get("/admin/surveys/new?lang=en");
        admin.multipart().multiPart("file", "empty.json", new byte[0], "application/json").post("/admin/surveys?lang=en")
                .then().statusCode(422).body(containsString("The file is empty."));

        // a file checked by the same validator: every problem named, in the console's language
        Map<String, Object> bad = new HashMap<>(Api.survey(slug, List.of("UA-14")));
        bad.put("questions", List.of(Map.of("key", "q", "type", "SCALE", "min", 5, "max", 1, "text", Api.en("?"))));
        admin.get("/admin/surveys/new?lang=ru");
        admin.multipart().multiPart("file", "bad.json", json.writeValueAsBytes(bad), "application/json")
                .post("/admin/surveys?lang=ru").then().statusCode(422)
                .body(containsString("questions[0].max"), containsString("Максимум должен быть больше минимума."));
        asAdmin().get("/api/v1/surveys/" + slug).then().statusCode(404);

        // a byte-order mark is allowed; the file wins over an empty text field
        byte[] withBom = new byte[good.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(good, 0, withBom, 3, good.length);
        admin.get("/admin/surveys/new");
        admin.multipart().multiPart("definition", "").multiPart("file", "survey.json", withBom, "application/json")
                .post("/admin/surveys").then().statusCode(303).header("Location", containsString("/admin/surveys/" + slug));
        asAdmin().get("/api/v1/surveys/" + slug).then().statusCode(200);

        // no file chosen: the pasted text is used, as in the URL-encoded form
        String pasted = Api.slug("c-pasted");
        admin.get("/admin/surveys/new");
        admin.multipart().multiPart("definition", json.writeValueAsString(Api.survey(pasted, List.of("UA-14"))))
                .multiPart("file", "", new byte[0], "application/octet-stream").post("/admin/surveys").then().statusCode(303);
        asAdmin().get("/api/v1/surveys/" + pasted).then().statusCode(200);
    }

    @Test
    void aDraftIsReplacedByAnUploadedFileOnItsEditPageUnderCsrf() throws Exception {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        String slug = Api.slug("c-edit-up");
        Map<String, Object> first = Api.survey(slug, List.of("UA-14"));
        asAdmin().contentType("application/json").body(first).post("/api/v1/surveys").then().statusCode(201);
        Map<String, Object> second = new HashMap<>(first);
        second.put("regions", List.of("UA-14", "UA-46"));
        byte[] file = json.writeValueAsBytes(second);

        // without the CSRF field the upload is refused and the draft is unchanged
        admin.get("/admin/surveys/" + slug + "/edit?lang=en").then().statusCode(200)
                .body(containsString("enctype=\"multipart/form-data\""), containsString("type=\"file\""));
        admin.request().multiPart("file", "survey.json", file, "application/json")
                .post("/admin/surveys/" + slug + "/edit?lang=en").then().statusCode(400);
        asAdmin().get("/api/v1/surveys/" + slug).then().body("regions", org.hamcrest.Matchers.equalTo(List.of("UA-14")));

        // a file that cannot be read is shown back beside its input, the pasted text kept
        admin.get("/admin/surveys/" + slug + "/edit?lang=uk");
        admin.multipart().multiPart("file", "big.json", new byte[64 * 1024 + 1], "application/json")
                .multiPart("definition", "{\"kept\": true}").post("/admin/surveys/" + slug + "/edit?lang=uk")
                .then().statusCode(422).body(containsString("Файл більший за 64 КБ."), containsString("href=\"#file\""),
                        containsString("{&quot;kept&quot;: true}"));
        admin.get("/admin/surveys/" + slug + "/edit?lang=en");
        admin.multipart().multiPart("file", "latin1.json", new byte[] { '{', (byte) 0xe9, '}' }, "application/json")
                .post("/admin/surveys/" + slug + "/edit?lang=en").then().statusCode(422)
                .body(containsString("The file is not UTF-8 text"));
        // a file for another survey is refused by the service, in the console's language
        Map<String, Object> other = new HashMap<>(second);
        other.put("slug", "someone-else");
        admin.get("/admin/surveys/" + slug + "/edit?lang=ru");
        admin.multipart().multiPart("file", "other.json", json.writeValueAsBytes(other), "application/json")
                .post("/admin/surveys/" + slug + "/edit?lang=ru").then().statusCode(422)
                .body(containsString("Slug нельзя изменить: он должен остаться «" + slug + "»."));

        // the chosen file wins over the text field and replaces the draft
        admin.get("/admin/surveys/" + slug + "/edit");
        admin.multipart().multiPart("definition", "{not json").multiPart("file", "survey.json", file, "application/json")
                .post("/admin/surveys/" + slug + "/edit").then().statusCode(303)
                .header("Location", containsString("/admin/surveys/" + slug));
        asAdmin().get("/api/v1/surveys/" + slug).then().body("regions", org.hamcrest.Matchers.equalTo(List.of("UA-14", "UA-46")));
    }

    @Test
    void theServicesRefusalsAreShownInTheConsolesLanguage() throws Exception {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        String slug = Api.open(Api.survey(Api.slug("c-refused"), List.of("UA-14")));
        String definition = json.writeValueAsString(Api.survey(slug, List.of("UA-14")));

        // a slug that is taken
        admin.get("/admin/surveys/new?lang=uk");
        admin.post("").formParam("definition", definition).post("/admin/surveys?lang=uk").then().statusCode(422)
                .body(containsString("Опитування зі slug «" + slug + "» уже існує."), not(containsString("already exists")));
        // an open survey cannot change, nor be opened again
        admin.get("/admin/surveys/" + slug + "/edit?lang=ru");
        admin.post("").formParam("definition", definition).post("/admin/surveys/" + slug + "/edit?lang=ru").then()
                .statusCode(422).body(containsString("Опрос «" + slug + "» в состоянии «Открыт». Изменять можно только черновик"));
        admin.get("/admin/surveys/" + slug + "/open?lang=uk");
        admin.post("").post("/admin/surveys/" + slug + "/open?lang=uk").then().statusCode(409)
                .body(containsString("Опитування «" + slug + "» має стан «Відкрите». Відкрити можна лише чернетку."),
                        not(containsString("only a DRAFT")));
        // an open-access survey takes no invitation codes
        admin.get("/admin/surveys/" + slug + "/invitations?lang=ru");
        admin.post("").formParam("count", "5").formParam("format", "csv")
                .post("/admin/surveys/" + slug + "/invitations?lang=ru").then().statusCode(409)
                .body(containsString("Опрос «" + slug + "» открыт для всех, поэтому коды приглашения ему не нужны."));
        // a token that would have expired already, with a role that needs no scope
        admin.get("/admin/tokens?lang=uk");
        admin.post("").formParam("name", Api.slug("late")).formParam("role", "researcher").formParam("surveys", slug)
                .formParam("expires", "2001-01-01").post("/admin/tokens?lang=uk").then().statusCode(422)
                .body(containsString("Дата завершення дії має бути в майбутньому."),
                        containsString("Обмежити опитуваннями можна лише токен партнера."), not(containsString("must be in the future")));
        // the API keeps its English
        asAdmin().contentType("application/json").body(definition).post("/api/v1/surveys").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.equalTo("A survey with slug '" + slug + "' already exists."));
    }

    @Test
    void validatorProblemsAreShownInTheConsolesLanguage() throws Exception {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        Map<String, Object> bad = new HashMap<>(Api.survey(Api.slug("c-lang"), List.of("UA-14", "XX-99")));
        bad.put("questions", List.of(Map.of("key", "q", "type", "SCALE", "min", 5, "max", 1, "text", Api.en("?")),
                Map.of("key", "q", "type", "SINGLE_CHOICE", "text", Api.en("?"),
                        "options", List.of(Map.of("key", "a", "text", Api.en("A"))))));
        String definition = json.writeValueAsString(bad);
        admin.get("/admin/surveys/new?lang=uk");
        admin.post("").formParam("definition", definition).post("/admin/surveys?lang=uk").then().statusCode(422)
                .body(containsString("«XX-99» не є регіоном схеми UA."), containsString("Максимум має бути більшим за мінімум."),
                        containsString("Ключ питання «q» використано двічі."),
                        containsString("Питанню з вибором чи ранжуванням потрібні принаймні два варіанти."),
                        not(containsString("max must be greater than min")));
        admin.get("/admin/surveys/new?lang=ru");
        admin.post("").formParam("definition", definition).post("/admin/surveys?lang=ru").then().statusCode(422)
                .body(containsString("«XX-99» не является регионом схемы UA."), containsString("Максимум должен быть больше минимума."));
        admin.get("/admin/surveys/new?lang=uk");
        admin.post("").formParam("definition", "{not json").post("/admin/surveys?lang=uk").then().statusCode(422)
                .body(containsString("Це не визначення опитування у форматі JSON."));
        // the API keeps its English sentences
        asAdmin().contentType("application/json").body(definition).post("/api/v1/surveys").then().statusCode(422)
                .body("errors.find { it.field == 'questions[0].max' }.message", org.hamcrest.Matchers.equalTo("max must be greater than min"));

        // the structured editor: each problem beside its input, in Ukrainian
        Map<String, String> form = builderForm(Api.slug("c-built-uk"), "uk", "Збудоване");
        form.put("questions[0].key", "trust");
        form.put("questions[0].type", "SCALE");
        form.put("questions[0].text.uk", "Довіра?");
        form.put("questions[0].min", "1");
        admin.get("/admin/builder?lang=uk");
        admin.post("").formParams(form).formParam("action", "save").post("/admin/builder?lang=uk").then().statusCode(422)
                .body(containsString("questions[0].max: Шкалі потрібен максимум."));
    }

    /** The structured editor's fields of a one-language survey open to everyone, before any question. */
    private static Map<String, String> builderForm(String slug, String language, String title) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("slug", slug);
        form.put("title." + language, title);
        form.put("languages", language);
        form.put("regionScheme", "UA");
        form.put("access", "OPEN");
        return form;
    }

    @Test
    void theStructuredEditorAddsRowsShowsErrorsBesideFieldsAndSaves() {
        ConsoleClient admin = ConsoleClient.signedIn(Api.ADMIN_TOKEN);
        admin.get("/admin/builder?lang=en").then().statusCode(200)
                .body(containsString("name=\"questions[0].options[0].text.uk\""), containsString("not translated"));
        String slug = Api.slug("c-built");
        Map<String, String> form = builderForm(slug, "en", "Built");
        form.put("regions", "UA-14, UA-09");
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
