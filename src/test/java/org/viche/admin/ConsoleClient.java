package org.viche.admin;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser in the console, for REST Assured: it keeps the CSRF cookie and the session cookie,
 * reads the CSRF field of the last page it fetched, and never follows redirects (tests look at them).
 */
final class ConsoleClient {

    static final String CSRF_COOKIE = "viche-csrf";
    static final String CSRF_FIELD = "csrf-token";
    private static final Pattern TOKEN = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");
    private static final RestAssuredConfig UTF8 = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"));

    String csrfCookie;
    String csrfToken;
    String session;

    /** Opens the sign-in page and signs in; the session cookie is kept when the token is accepted. */
    static ConsoleClient signedIn(String token) {
        ConsoleClient client = new ConsoleClient();
        Response response = client.signIn(token);
        if (client.session == null) {
            throw new AssertionError("sign-in refused: " + response.statusCode());
        }
        return client;
    }

    Response signIn(String token) {
        get("/admin/sign-in");
        Response response = post("/admin/sign-in").formParam("token", token).post("/admin/sign-in");
        String cookie = response.getCookie(ConsoleSessionMechanism.COOKIE);
        if (cookie != null && !cookie.isEmpty()) {
            session = cookie;
        }
        return response;
    }

    RequestSpecification request() {
        RequestSpecification request = given().config(UTF8).redirects().follow(false);
        if (csrfCookie != null) {
            request.cookie(CSRF_COOKIE, csrfCookie);
        }
        if (session != null) {
            request.cookie(ConsoleSessionMechanism.COOKIE, session);
        }
        return request;
    }

    /** A GET that remembers the page's CSRF cookie and field for the next form. */
    Response get(String path) {
        Response response = request().get(path);
        String cookie = response.getCookie(CSRF_COOKIE);
        if (cookie != null) {
            csrfCookie = cookie;
        }
        Matcher token = TOKEN.matcher(response.asString());
        if (token.find()) {
            csrfToken = token.group(1);
        }
        return response;
    }

    /** A multipart form POST (a file upload) carrying the CSRF cookie and field of the last page. */
    RequestSpecification multipart() {
        return request().multiPart(CSRF_FIELD, csrfToken);
    }

    /** A form POST carrying the CSRF cookie and field of the last page; {@code path} is only documentation. */
    RequestSpecification post(String path) {
        return request().contentType("application/x-www-form-urlencoded").formParam(CSRF_FIELD, csrfToken);
    }
}
