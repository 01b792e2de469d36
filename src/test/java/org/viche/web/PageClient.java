package org.viche.web;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.viche.support.Api;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Drives the pages the way a browser does: a GET that sets the CSRF cookie, then a form POST. */
final class PageClient {

    static final String CSRF_COOKIE = "viche-csrf";
    static final String CSRF_FIELD = "csrf-token";
    static final Pattern RECEIPT = Pattern.compile("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
    private static final Pattern TOKEN = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");

    /** Browsers send forms as UTF-8 (the page's charset); REST Assured's default would be ISO-8859-1. */
    private static final RestAssuredConfig UTF8 = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"));

    /** The CSRF cookie and the hidden token of one opened form, and the form page itself. */
    record Session(String cookie, String token, String html) {
    }

    private PageClient() {
    }

    static Session openForm(String slug, String lang) {
        Response page = given().queryParam("lang", lang).get("/s/" + slug);
        page.then().statusCode(200);
        Matcher token = TOKEN.matcher(page.asString());
        if (!token.find()) {
            throw new AssertionError("the form has no CSRF field");
        }
        return new Session(page.getCookie(CSRF_COOKIE), token.group(1), page.asString());
    }

    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");
    private static final Pattern SHOWN_RECEIPT = Pattern.compile("<code id=\"receipt\">([0-9A-Z-]+)</code>");

    /** The receipt a receipt page shows. */
    static String receiptOf(String html) {
        Matcher m = SHOWN_RECEIPT.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no receipt on the page");
        }
        return m.group(1);
    }

    /** The one-time key of the form that {@code session} opened. */
    static String submissionOf(Session session) {
        Matcher m = SUBMISSION.matcher(session.html());
        if (!m.find()) {
            throw new AssertionError("the form has no submission key");
        }
        return m.group(1);
    }

    /** A form POST carrying the session's cookie and token; redirects are not followed. */
    static RequestSpecification post(Session session) {
        return form().cookie(CSRF_COOKIE, session.cookie()).formParam(CSRF_FIELD, session.token());
    }

    static RequestSpecification form() {
        return given().config(UTF8).redirects().follow(false).contentType("application/x-www-form-urlencoded");
    }

    /** Current number of responses (an admin always gets current figures). */
    static long responses(String slug) {
        Number n = Api.asAdmin().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200)
                .extract().path("responses");
        return n.longValue();
    }

    /** A valid answer set for the demo survey, as form fields (several values per field where needed). */
    static Map<String, List<String>> validDemoForm() {
        Map<String, List<String>> form = new HashMap<>();
        form.put("region", List.of("UA-14"));
        form.put("answers.arrangement", List.of("dmz"));
        form.put("answers.guarantees", List.of("eu", "un"));
        form.put("answers.trust", List.of("2"));
        form.put("answers.priorities.peace", List.of("1"));
        form.put("answers.priorities.return", List.of("3"));
        form.put("answers.referendum", List.of("yes"));
        form.put("answers.comment", List.of("Мир понад усе"));
        return form;
    }

    static RequestSpecification withFields(RequestSpecification request, Map<String, List<String>> fields) {
        fields.forEach((name, values) -> request.formParam(name, new ArrayList<Object>(values).toArray()));
        return request;
    }

    /** The HTML of one question's block: from its fieldset to the fieldset's end. */
    static String question(String html, String key) {
        int start = html.indexOf("<fieldset id=\"q-" + key + "\"");
        if (start < 0) {
            throw new AssertionError("no fieldset for question " + key);
        }
        int end = html.indexOf("</fieldset>", start);
        return html.substring(start, end);
    }

    static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
