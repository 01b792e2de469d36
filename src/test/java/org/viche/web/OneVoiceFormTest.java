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
 * "One person, one voice" on the form: the honeypot, the form's one-time key (a resend stores
 * nothing twice, and the phone keeps no "already answered" cookie), and invitation codes
 * checked for typos before anything is sent on.
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

    /** Cookies other than the form's CSRF token. */
    private static List<String> otherCookies(Response response) {
        return response.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> !c.startsWith(PageClient.CSRF_COOKIE + "=")).toList();
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
        assertEquals(List.of(), otherCookies(posted));
        assertEquals(0, Api.storedResponses(slug));
    }

    @Test
    void anEmptyHoneypotIsAccepted() {
        String slug = Api.openSurvey("extra-empty", List.of("UA-14"));
        Map<String, List<String>> form = validForm();
        form.put("homepage", List.of(""));
        submit(slug, form).then().statusCode(200);
        assertEquals(1, Api.storedResponses(slug));
    }

    // --- The phone keeps nothing; a resend stores nothing twice ------------------------------

    @Test
    void theReceiptIsInTheAnswerToThePostOnlyNeverInACookieOrAnAddress() {
        String slug = Api.openSurvey("answered", List.of("UA-14"));
        Response posted = submit(slug, validForm());
        posted.then().statusCode(200).header("Cache-Control", "no-store").header("Location", (String) null);
        String receipt = PageClient.receiptOf(posted.asString());
        assertEquals(List.of(), otherCookies(posted), "no cookie besides the form's token");
        posted.getHeaders().getValues("Set-Cookie").forEach(c -> assertFalse(c.contains(receipt), c));
        assertFalse(posted.asString().contains("receipt=" + receipt), "no link carries the receipt in its address");

        // Opening the form again shows the form: the browser remembers nothing.
        given().queryParam("lang", "en").get("/s/" + slug).then().statusCode(200)
                .body(containsString("<form method=\"post\""))
                .body(not(containsString(receipt)));
    }

    @Test
    void sendingTheSameFormTwiceStoresOnceAndShowsTheSameReceipt() {
        String slug = Api.openSurvey("answered-resend", List.of("UA-14"));
        PageClient.Session session = PageClient.openForm(slug, "en");
        String submission = PageClient.submissionOf(session);
        Map<String, List<String>> form = validForm();
        form.put("submission", List.of(submission));
        String first = PageClient.receiptOf(PageClient.withFields(PageClient.post(session), form)
                .post("/s/" + slug + "?lang=en").then().statusCode(200).extract().asString());
        // A reload of the receipt page posts the same form again.
        String again = PageClient.receiptOf(PageClient.withFields(PageClient.post(session), form)
                .post("/s/" + slug + "?lang=en").then().statusCode(200).extract().asString());
        assertEquals(first, again);
        assertEquals(1, Api.storedResponses(slug));

        // An old copy of the form with other answers: refused, nothing stored, a fresh key offered.
        form.put("answers.arrangement", List.of("dmz"));
        String refused = PageClient.withFields(PageClient.post(session), form).post("/s/" + slug + "?lang=en")
                .then().statusCode(422).extract().asString();
        assertFalse(refused.contains("value=\"" + submission + "\""));
        assertEquals(1, Api.storedResponses(slug));

        // Someone else on the same phone opens a fresh form and answers: not a lock.
        submit(slug, validForm()).then().statusCode(200);
        assertEquals(2, Api.storedResponses(slug));
    }

    @Test
    void noAddressShowsAReceiptNotEvenARealOne() {
        String slug = Api.openSurvey("answered-crafted", List.of("UA-14"));
        String receipt = PageClient.receiptOf(submit(slug, validForm()).asString());
        for (String path : List.of("/s/" + slug + "/thanks?r=" + receipt, "/s/" + slug + "/thanks?r=ABCD-EFGH-JKMN-PQRS",
                "/s/" + slug + "/thanks")) {
            Response page = given().get(path);
            page.then().statusCode(404);
            assertFalse(page.asString().contains("Thank you"), path);
        }
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
        submit(slug, form).then().statusCode(200);
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
        posted.then().statusCode(200);
        assertEquals(List.of(), otherCookies(posted));
        assertEquals(1, Api.storedResponses(slug));

        form.put("invitation", List.of(code));
        submit(slug, form).then().statusCode(422)
                .body(containsString("This invitation code is not valid or has already been used."));
        assertEquals(1, Api.storedResponses(slug));
    }
}
