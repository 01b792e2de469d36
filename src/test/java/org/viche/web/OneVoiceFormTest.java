package org.viche.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.viche.support.Api;
import org.viche.support.Invitations;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * "One person, one voice" on the form: the honeypot, the signed "already answered" cookie,
 * and invitation codes checked for typos before anything is sent on.
 */
@QuarkusTest
class OneVoiceFormTest {

    private static Map<String, List<String>> validForm() {
        Map<String, List<String>> form = new HashMap<>();
        form.put("region", List.of("UA-14"));
        form.put("answers.arrangement", List.of("sez"));
        form.put("answers.comment", List.of("keep me"));
        return form;
    }

    private static Response submit(String slug, Map<String, List<String>> fields) {
        PageClient.Session session = PageClient.openForm(slug, "en");
        return PageClient.withFields(PageClient.post(session), fields).post("/s/" + slug + "?lang=en");
    }

    private static String answeredCookie(Response posted) {
        return posted.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AnsweredCookie.NAME + "=")).findFirst().orElse(null);
    }

    private static String valueOf(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    // --- Honeypot ---------------------------------------------------------------------------

    @Test
    void theFormCarriesAFieldPeopleAreToldToLeaveEmpty() {
        String html = given().queryParam("lang", "en").get("/s/" + Api.DEMO).asString();
        int at = html.indexOf("<div class=\"extra-field\">");
        assertTrue(at > 0);
        String block = html.substring(at, html.indexOf("</div>", at));
        assertTrue(block.contains("<label for=\"homepage\">Leave this field empty.</label>"));
        assertTrue(block.contains("name=\"homepage\" value=\"\" tabindex=\"-1\" autocomplete=\"off\""));
        assertFalse(block.contains("aria-hidden"), "screen-reader users must hear the label, not fill a hidden field");
    }

    @Test
    void aFilledHoneypotStoresNothingAndLooksLikeAnyRefusal() {
        String slug = Api.openSurvey("extra-filled", List.of("UA-14"));
        Map<String, List<String>> form = validForm();
        form.put("homepage", List.of("http://spam.example"));

        Response posted = submit(slug, form);
        posted.then().statusCode(422).header("Cache-Control", "no-store")
                .body(containsString("Your answers could not be accepted. Check them and send the form again."))
                .body(containsString("keep me"))
                .body(not(containsString("spam.example")));
        String html = posted.asString().toLowerCase();
        for (String hint : List.of("honeypot", "trap", "spam", "robot", "automat")) {
            assertFalse(html.contains(hint), "no hint about the trap: " + hint);
        }
        assertEquals(null, answeredCookie(posted));
        assertEquals(0, Api.storedResponses(slug));
    }

    @Test
    void anEmptyHoneypotIsAccepted() {
        String slug = Api.openSurvey("extra-empty", List.of("UA-14"));
        Map<String, List<String>> form = validForm();
        form.put("homepage", List.of(""));
        submit(slug, form).then().statusCode(303);
        assertEquals(1, Api.storedResponses(slug));
    }

    // --- "Already answered" cookie -----------------------------------------------------------

    @Test
    void aSubmissionSetsASignedCookieScopedToTheSurvey() {
        String slug = Api.openSurvey("answered", List.of("UA-14"));
        Response posted = submit(slug, validForm());
        posted.then().statusCode(303);
        Matcher receipt = PageClient.RECEIPT.matcher(posted.getHeader("Location"));
        assertTrue(receipt.find());

        String cookie = answeredCookie(posted);
        assertNotNull(cookie, "the answered cookie is set");
        assertTrue(cookie.contains("; Path=/s/" + slug + ";"), cookie);
        assertTrue(cookie.contains("; Max-Age=" + 30L * 24 * 3600 + ";"), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP here, so not Secure");
        assertTrue(valueOf(cookie).startsWith(receipt.group() + "."));
    }

    @Test
    void theFormSaysThisBrowserAnsweredAndStillLetsSomeoneElseAnswer() {
        String slug = Api.openSurvey("answered-notice", List.of("UA-14"));
        Response posted = submit(slug, validForm());
        Matcher receipt = PageClient.RECEIPT.matcher(posted.getHeader("Location"));
        assertTrue(receipt.find());
        String value = valueOf(answeredCookie(posted));

        String notice = given().cookie(AnsweredCookie.NAME, value).queryParam("lang", "en").get("/s/" + slug)
                .then().statusCode(200).header("Cache-Control", "no-store").extract().asString();
        assertTrue(notice.contains("This browser has already answered this survey"));
        assertTrue(notice.contains("<code id=\"receipt\" class=\"receipt-inline\">" + receipt.group() + "</code>"));
        assertTrue(notice.contains("href=\"/verify?receipt=" + receipt.group() + "&amp;lang=en\""));
        assertTrue(notice.contains("href=\"/s/" + slug + "?lang=en&amp;again=1\""));
        assertFalse(notice.contains("<form method=\"post\""), "the form waits until the person chooses to answer");

        given().cookie(AnsweredCookie.NAME, value).queryParam("lang", "en").queryParam("again", "1").get("/s/" + slug)
                .then().statusCode(200).body(containsString("<form method=\"post\""))
                .body(not(containsString("This browser has already answered")))
                .body(containsString("href=\"/s/" + slug + "?again=1&amp;lang=en\""));

        // Not a lock: a second submission from the same browser is accepted.
        PageClient.Session session = PageClient.openForm(slug, "en");
        PageClient.withFields(PageClient.post(session).cookie(AnsweredCookie.NAME, value), validForm())
                .post("/s/" + slug + "?lang=en").then().statusCode(303);
        assertEquals(2, Api.storedResponses(slug));

        String uk = given().cookie(AnsweredCookie.NAME, value).queryParam("lang", "uk").get("/s/" + slug).asString();
        assertTrue(uk.contains(receipt.group()));
    }

    @Test
    void aTamperedOrForeignCookieIsIgnored() {
        String slug = Api.openSurvey("answered-forged", List.of("UA-14"));
        String other = Api.openSurvey("answered-other", List.of("UA-14"));
        String value = valueOf(answeredCookie(submit(slug, validForm())));
        String[] parts = value.split("\\.");
        String otherReceipt = "ABCD-EFGH-JKMN-PQRS";

        List<String> forged = List.of(
                otherReceipt + "." + parts[1] + "." + parts[2],                         // another receipt
                parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2],      // a longer life
                parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A",         // a changed signature
                parts[0] + "." + parts[1],                                              // no signature
                "garbage");
        for (String cookie : forged) {
            given().cookie(AnsweredCookie.NAME, cookie).queryParam("lang", "en").get("/s/" + slug)
                    .then().statusCode(200).body(containsString("<form method=\"post\""))
                    .body(not(containsString("already answered")));
        }
        given().cookie(AnsweredCookie.NAME, value).queryParam("lang", "en").get("/s/" + other)
                .then().statusCode(200).body(containsString("<form method=\"post\""))
                .body(not(containsString("already answered")));
    }

    @Test
    void aClosedSurveyMakesTheBrowserForgetTheCookie() {
        String slug = Api.openSurvey("answered-closed", List.of("UA-14"));
        String value = valueOf(answeredCookie(submit(slug, validForm())));
        Api.asAdmin().post("/api/v1/surveys/" + slug + "/close").then().statusCode(200);
        Response page = given().cookie(AnsweredCookie.NAME, value).queryParam("lang", "en").get("/s/" + slug);
        page.then().statusCode(200).body(not(containsString("already answered")));
        String cleared = answeredCookie(page);
        assertNotNull(cleared);
        assertTrue(cleared.startsWith(AnsweredCookie.NAME + "=;") && cleared.contains("Max-Age=0")
                && cleared.contains("Path=/s/" + slug + ";"), cleared);
    }

    // --- Invitation codes ---------------------------------------------------------------------

    @Test
    void aMistypedInvitationCodeIsShownNextToItsFieldAndSpendsNothing() {
        String slug = Invitations.openTokenSurvey("form-typo");
        String code = Invitations.codes(slug, 1).get(0);
        char last = code.charAt(code.length() - 1);
        String typo = code.substring(0, code.length() - 1) + (last == '0' ? '1' : '0');
        Map<String, List<String>> form = validForm();
        form.put("invitation", List.of(typo));

        String html = submit(slug, form).then().statusCode(422).extract().asString();
        assertTrue(html.contains("id=\"invitation-error\""));
        assertTrue(html.contains("This is not a valid invitation code"));
        assertTrue(html.contains("href=\"#invitation-question\""), "the summary links to the field");
        assertTrue(html.contains("value=\"" + typo + "\""), "the code is kept for correcting");
        assertTrue(html.contains("keep me"), "answers are kept");
        assertEquals(0, Api.storedResponses(slug));

        form.put("invitation", List.of(code));
        submit(slug, form).then().statusCode(303);
        assertEquals(1, Api.storedResponses(slug));
    }

    @Test
    void aTokenSurveyAcceptsARealCodeOnceThroughTheForm() {
        String slug = Invitations.openTokenSurvey("form-token");
        String code = Invitations.codes(slug, 2).get(0);
        Map<String, List<String>> form = validForm();

        String missing = submit(slug, form).then().statusCode(422).extract().asString();
        assertTrue(missing.contains("Enter your invitation code."));

        form.put("invitation", List.of(code.toLowerCase().replace("-", " ")));
        Response posted = submit(slug, form);
        posted.then().statusCode(303);
        assertNotNull(answeredCookie(posted));
        assertEquals(1, Api.storedResponses(slug));

        form.put("invitation", List.of(code));
        submit(slug, form).then().statusCode(422)
                .body(containsString("This invitation code is not valid or has already been used."));
        assertEquals(1, Api.storedResponses(slug));
    }
}
