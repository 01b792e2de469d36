package org.viche.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.json;
import static org.viche.support.Api.openSurvey;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.viche.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Strict input on every route: no lenient parse, no NUL, no body past its limit however it is sent. */
@QuarkusTest
class StrictInputTest {

    private static String responses(String slug) {
        return "/api/v1/surveys/" + slug + "/responses";
    }

    @Test
    void jsonWithTrailingContentDuplicateKeysOrUnknownFieldsIsRefusedAndStoresNothing() {
        String slug = openSurvey("strict", List.of("UA-14"));
        json().body("{\"region\":\"UA-14\",\"answers\":{\"arrangement\":\"sez\"}} {}").post(responses(slug))
                .then().statusCode(400).contentType("application/problem+json");
        json().body("{\"region\":\"UA-14\",\"region\":\"UA-09\",\"answers\":{\"arrangement\":\"sez\"}}").post(responses(slug))
                .then().statusCode(400).contentType("application/problem+json");
        json().body("{\"regoin\":\"UA-14\",\"answers\":{\"arrangement\":\"sez\"}}").post(responses(slug))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("regoin"));
        Api.asAdmin().body("{\"name\":\"x\",\"role\":\"researcher\"} trailing").post("/api/v1/tokens")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, Api.storedResponses(slug));
    }

    @Test
    void aNulAnywhereIsA4xxNeverA500() throws Exception {
        String slug = openSurvey("nul", List.of("UA-14"));
        given().urlEncodingEnabled(false).get("/s/%00").then().statusCode(400);
        given().urlEncodingEnabled(false).get("/api/v1/surveys/%00").then().statusCode(400).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/api/v1/surveys/" + slug + "/results?lang=a%00b").then().statusCode(400);
        json().body("{\"region\":\"UA-14\",\"answers\":{\"arrangement\":\"sez\",\"comment\":\"a\\u0000b\"}}").post(responses(slug))
                .then().statusCode(422).contentType("application/problem+json");
        // A backslash followed by the letters u0000 is text like any other.
        json().body("{\"region\":\"UA-14\",\"answers\":{\"arrangement\":\"sez\",\"comment\":\"a\\\\u0000b\"}}").post(responses(slug))
                .then().statusCode(201);
        // A NUL in a form field: FormSubmissionTest.aNulInAFormFieldReShowsTheForm.
        String answer = raw("GET /api/v1/surveys/" + slug + " HTTP/1.1\r\nHost: x\r\nX-Note: a\0b\r\nConnection: close\r\n\r\n");
        int status = Integer.parseInt(answer.substring(9, 12));
        assertTrue(status >= 400 && status < 500, answer);
        assertEquals(1, Api.storedResponses(slug));
    }

    @Test
    void aChunkedBodyPastTheLimitIs413LikeOneWithContentLength() throws Exception {
        String slug = openSurvey("chunked", List.of("UA-14"));
        String head = "POST " + responses(slug) + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        StringBuilder body = new StringBuilder();
        String start = "{\"region\":\"UA-14\",\"answers\":{\"arrangement\":\"sez\",\"comment\":\"";
        body.append(Integer.toHexString(start.length())).append("\r\n").append(start).append("\r\n");
        String chunk = "x".repeat(8192);
        for (int i = 0; i < 10; i++) { // 80 KiB, past the 64 KiB of viche.limits.api-body-bytes
            body.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        body.append("3\r\n\"}}\r\n0\r\n\r\n");
        String answer = raw(head + body);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertEquals(0, Api.storedResponses(slug));
    }

    /** Sends raw bytes (what a client library would refuse to send) and returns the whole answer. */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (java.net.SocketException closed) {
                // the server may answer and close while the rest of an oversized body is on its way
            }
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0;) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // as above
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
