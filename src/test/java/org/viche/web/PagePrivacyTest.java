package org.viche.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
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
 * A respondent's browser must contact no one but Viche, run no script but this site's own
 * quick-exit file, and collect no cookie but the form's CSRF token, on pages with a form only;
 * every response carries the headers that make the browser enforce it (docs/privacy.md,
 * "whoever holds the phone" and "a network observer").
 */
@QuarkusTest
class PagePrivacyTest {

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)(https?:)?//[a-z0-9]");
    private static final Pattern LINKED_RESOURCE = Pattern.compile("(?i)<(?:link|img|iframe|object|embed|source|video|audio)\\b[^>]*>");
    private static final Pattern SCRIPT = Pattern.compile("(?i)<script\\b[^>]*>");
    private static final String QUICK_EXIT_SCRIPT = "<script src=\"/js/quick-exit.js\" defer>";

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/?lang=en", "/s/" + Api.DEMO, "/s/" + Api.DEMO + "/results", "/verify",
                "/no-such-page", "/css/viche.css", "/js/quick-exit.js", "/exit.html")) {
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
    void noPageRunsInlineScriptOrLoadsAnythingFromAnotherHost() {
        List<String> pages = new ArrayList<>();
        for (String lang : List.of("uk", "ru", "en")) {
            pages.add(given().queryParam("lang", lang).get("/").asString());
            pages.add(given().queryParam("lang", lang).get("/s/" + Api.DEMO).asString());
            pages.add(given().queryParam("lang", lang).get("/s/" + Api.DEMO + "/results").asString());
            pages.add(given().queryParam("lang", lang).get("/verify").asString());
        }
        pages.add(given().get("/no-such-page").asString());
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");
        pages.add(PageClient.post(session).formParam("answers.trust", "7").post("/s/" + Api.DEMO).asString());
        pages.add(receiptPage());

        for (String html : pages) {
            assertTrue(html.startsWith("<!DOCTYPE html>"));
            assertFalse(ABSOLUTE_URL.matcher(html).find(), "no absolute or protocol-relative URL");
            assertEquals(List.of(QUICK_EXIT_SCRIPT), PageClient.all(Pattern.compile("(" + SCRIPT.pattern() + ")"), html),
                    "the only script is this site's quick-exit file");
            assertFalse(html.contains(" style="), "no inline style (the CSP forbids it)");
            assertFalse(Pattern.compile("\\son[a-z]+\\s*=").matcher(html).find(), "no inline event handler");
            List<String> resources = PageClient.all(Pattern.compile("(" + LINKED_RESOURCE.pattern() + ")"), html);
            assertEquals(List.of("<link rel=\"stylesheet\" href=\"/css/viche.css\">"), resources);
        }
    }

    @Test
    void everyCitizenPageOffersAQuickExitToANeutralPageOnThisHost() {
        List<String> pages = List.of(given().get("/").asString(), given().get("/s/" + Api.DEMO).asString(),
                given().get("/s/" + Api.DEMO + "/results").asString(), given().get("/verify").asString(),
                given().get("/no-such-page").asString(), receiptPage());
        for (String html : pages) {
            assertTrue(html.contains("<a id=\"quick-exit\" class=\"quick-exit\" href=\"/exit.html\""), "a plain link, no script needed");
        }
        Response exit = given().get("/exit.html");
        exit.then().statusCode(200).contentType(startsWith("text/html"));
        assertFalse(exit.asString().contains("Viche") || exit.asString().contains("Віче"), "nothing names the site");
        assertEquals(List.of(), exit.getHeaders().getValues("Set-Cookie"));
        String script = given().get("/js/quick-exit.js").then().statusCode(200).extract().asString();
        assertTrue(script.contains("location.replace("), "with script, the page is replaced in the history");
        assertFalse(ABSOLUTE_URL.matcher(script).find());
    }

    @Test
    void theStylesheetFetchesNothingElse() {
        Response css = given().get("/css/viche.css");
        css.then().statusCode(200);
        assertFalse(css.asString().contains("url("));
        assertFalse(css.asString().contains("@import"));
    }

    @Test
    void pagesWithoutAFormSetNoCookie() {
        String closed = Api.openSurvey("cookie-closed", List.of("UA-14"));
        Api.asAdmin().post("/api/v1/surveys/" + closed + "/close").then().statusCode(200);
        for (String path : List.of("/", "/?lang=uk", "/s/" + Api.DEMO + "/results", "/s/" + closed, "/no-such-page",
                "/s/" + Api.DEMO + "/thanks?r=ABCD-EFGH-JKMN-PQRS", "/css/viche.css", "/exit.html")) {
            assertEquals(List.of(), given().get(path).getHeaders().getValues("Set-Cookie"), path);
        }
    }

    @Test
    void theFormsCookieIsTheSignedCsrfTokenStrictHttpOnlyAndShortLived() {
        for (String path : List.of("/s/" + Api.DEMO, "/verify")) {
            List<String> cookies = given().get(path).getHeaders().getValues("Set-Cookie");
            assertEquals(1, cookies.size(), path + ": " + cookies);
            String cookie = cookies.get(0);
            assertTrue(cookie.startsWith(PageClient.CSRF_COOKIE + "="), cookie);
            assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
            assertTrue(cookie.contains("SameSite=Strict"), cookie);
            assertTrue(cookie.contains("Max-Age=3600"), cookie);
            assertFalse(cookie.contains("Secure"), "plain HTTP from a client, so not Secure: " + cookie);
            String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
            String token = PageClient.openForm(Api.DEMO, "en").token();
            assertFalse(value.equals(token), "the cookie holds the token's signature, not the token itself");
        }
    }

    @Test
    void aForgedCookieThatIsNotTheTokensSignatureIsRefused() {
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");
        PageClient.withFields(PageClient.form().cookie(PageClient.CSRF_COOKIE, session.token())
                .formParam(PageClient.CSRF_FIELD, session.token()), PageClient.validDemoForm())
                .post("/s/" + Api.DEMO + "?lang=en").then().statusCode(400);
    }

    /** Through a trusted proxy (here: this machine) that says the browser used HTTPS. */
    @Test
    void behindAnHttpsProxyCookiesAreSecureAndAddressesHttps() {
        String cookie = given().header("X-Forwarded-Proto", "https").get("/s/" + Api.DEMO).getHeader("Set-Cookie");
        assertTrue(cookie.contains("Secure") && cookie.contains("SameSite=Strict"), cookie);
        String location = Api.asAdmin().header("X-Forwarded-Proto", "https")
                .body(Api.survey(Api.slug("proxy-https"), List.of("UA-14"))).post("/api/v1/surveys")
                .then().statusCode(201).extract().header("Location");
        assertTrue(location.startsWith("https://"), location);
    }

    @Test
    void theVerifyPageFollowsTheSameRules() {
        String receipt = PageClient.receiptOf(receiptPage());
        List<String> pages = List.of(
                given().get("/verify").asString(),
                given().queryParam("receipt", receipt).get("/verify").asString(),
                given().queryParam("receipt", "nonsense").get("/verify").asString(),
                PageClient.post(PageClient.openForm(Api.DEMO, "en")).formParam("receipt", receipt).post("/verify?lang=en")
                        .then().statusCode(200).header("Cache-Control", "no-store").extract().asString());
        for (String html : pages) {
            assertFalse(ABSOLUTE_URL.matcher(html).find(), "no absolute or protocol-relative URL");
            assertEquals(1, PageClient.all(Pattern.compile("(" + SCRIPT.pattern() + ")"), html).size());
            assertFalse(html.contains(" style="), "no inline style (the CSP forbids it)");
        }
        assertTrue(pages.get(3).contains(receipt), "the posted receipt is checked");
        assertFalse(pages.get(3).contains("receipt=" + receipt), "a posted receipt is kept out of every link's address");
        assertTrue(pages.get(0).contains("<form method=\"post\" action=\"/verify?lang="), "the form posts: no receipt in the history");
        given().get("/verify").then().header("Content-Security-Policy", equalTo(CSP));
    }

    private static String receiptPage() {
        PageClient.Session session = PageClient.openForm(Api.DEMO, "en");
        return PageClient.withFields(PageClient.post(session), PageClient.validDemoForm()).post("/s/" + Api.DEMO + "?lang=en")
                .then().statusCode(200).extract().asString();
    }

}
