package org.viche.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.viche.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A respondent's browser must contact no one but Viche and run no script; every response
 * carries the headers that make the browser enforce it.
 */
@QuarkusTest
class PagePrivacyTest {

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)(https?:)?//[a-z0-9]");
    private static final Pattern LINKED_RESOURCE = Pattern.compile("(?i)<(?:link|img|iframe|object|embed|source|video|audio)\\b[^>]*>");

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/?lang=en", "/s/" + Api.DEMO, "/s/" + Api.DEMO + "/results",
                "/s/" + Api.DEMO + "/thanks?r=ABCD-EFGH-JKMN-PQRS", "/no-such-page", "/css/viche.css")) {
            given().get(path).then()
                    .header("Content-Security-Policy", equalTo(CSP))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"))
                    .header("X-Frame-Options", equalTo("DENY"));
        }
    }

    @Test
    void quarkusToolsKeepWorkingWithoutThePagePolicy() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", nullValue())
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void noPageRunsScriptOrLoadsAnythingFromAnotherHost() {
        List<String> pages = new ArrayList<>();
        for (String lang : List.of("uk", "ru", "en")) {
            pages.add(given().queryParam("lang", lang).get("/").asString());
            pages.add(given().queryParam("lang", lang).get("/s/" + Api.DEMO).asString());
            pages.add(given().queryParam("lang", lang).get("/s/" + Api.DEMO + "/results").asString());
        }
        pages.add(given().get("/s/" + Api.DEMO + "/thanks?r=ABCD-EFGH-JKMN-PQRS").asString());
        pages.add(given().get("/no-such-page").asString());
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");
        pages.add(PageClient.post(session).formParam("answers.trust", "7").post("/s/" + Api.DEMO).asString());

        for (String html : pages) {
            assertTrue(html.startsWith("<!DOCTYPE html>"));
            assertFalse(ABSOLUTE_URL.matcher(html).find(), "no absolute or protocol-relative URL");
            assertFalse(html.toLowerCase().contains("<script"), "no script");
            assertFalse(html.contains(" style="), "no inline style (the CSP forbids it)");
            assertFalse(Pattern.compile("\\son[a-z]+\\s*=").matcher(html).find(), "no inline event handler");
            List<String> resources = PageClient.all(Pattern.compile("(" + LINKED_RESOURCE.pattern() + ")"), html);
            assertEquals(List.of("<link rel=\"stylesheet\" href=\"/css/viche.css\">"), resources);
        }
    }

    @Test
    void theStylesheetFetchesNothingElse() {
        Response css = given().get("/css/viche.css");
        css.then().statusCode(200);
        assertFalse(css.asString().contains("url("));
        assertFalse(css.asString().contains("@import"));
    }

    @Test
    void theOnlyCookieIsTheFormProtection() {
        for (String path : List.of("/", "/s/" + Api.DEMO, "/s/" + Api.DEMO + "/results", "/verify?receipt=ABCD-EFGH-JKMN-PQRS",
                "/s/" + Api.DEMO + "/thanks?r=ABCD-EFGH-JKMN-PQRS")) {
            Response page = given().get(path);
            page.getHeaders().getValues("Set-Cookie")
                    .forEach(c -> assertTrue(c.startsWith(PageClient.CSRF_COOKIE + "="), "unexpected cookie " + c + " on " + path));
            assertTrue(page.getHeaders().getValues("Set-Cookie").stream().allMatch(c -> c.contains("HTTPOnly") || c.contains("HttpOnly")));
        }
    }

    /** After a submission, and only then, a second cookie: scoped to that survey's pages, never readable by script. */
    @Test
    void aSubmissionAddsOnlyTheSurveyScopedAnsweredCookie() {
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");
        Response posted = PageClient.withFields(PageClient.post(session), PageClient.validDemoForm()).post("/s/" + Api.DEMO + "?lang=en");
        posted.then().statusCode(303);
        List<String> cookies = posted.getHeaders().getValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith(AnsweredCookie.NAME + "=")));
        for (String c : cookies) {
            assertTrue(c.startsWith(PageClient.CSRF_COOKIE + "=") || c.startsWith(AnsweredCookie.NAME + "="), "unexpected cookie " + c);
            assertTrue(c.contains("HTTPOnly") || c.contains("HttpOnly"), c);
            if (c.startsWith(AnsweredCookie.NAME + "=")) {
                assertTrue(c.contains("; Path=/s/" + Api.DEMO + ";") && c.contains("SameSite=Lax"), c);
            }
        }
    }

    @Test
    void theVerifyPageAndTheAnsweredNoticeFollowTheSameRules() {
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");
        Response posted = PageClient.withFields(PageClient.post(session), PageClient.validDemoForm()).post("/s/" + Api.DEMO + "?lang=en");
        String cookie = posted.getCookie(AnsweredCookie.NAME);
        String receipt = posted.getHeader("Location").replaceAll(".*r=([^&]+).*", "$1");
        List<String> pages = List.of(
                given().get("/verify").asString(),
                given().queryParam("receipt", receipt).get("/verify").asString(),
                given().queryParam("receipt", "nonsense").get("/verify").asString(),
                given().cookie(AnsweredCookie.NAME, cookie).get("/s/" + Api.DEMO).asString());
        assertTrue(pages.get(3).contains(receipt), "the notice is shown");
        for (String html : pages) {
            assertFalse(ABSOLUTE_URL.matcher(html).find(), "no absolute or protocol-relative URL");
            assertFalse(html.toLowerCase().contains("<script"), "no script");
            assertFalse(html.contains(" style="), "no inline style (the CSP forbids it)");
        }
        given().get("/verify").then().header("Content-Security-Policy", equalTo(CSP));
    }
}
