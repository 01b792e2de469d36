package org.viche.error;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.viche.config.VicheConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The first thing every request meets, so that nothing behind it reads what it refuses:
 * <ul>
 * <li><b>body size</b>: a declared Content-Length over the route's limit is refused before
 * anything is read; every body is then read under that limit, so a chunked body that grows
 * past it is refused the same way (413) — the limit counts the bytes actually read;</li>
 * <li><b>NUL</b>: PostgreSQL stores no NUL character in text, so a NUL anywhere — path,
 * query, header, form field or JSON string — is a 400 here instead of a failed statement
 * (a 500) later.</li>
 * </ul>
 * Under /api the refusal is problem+json; elsewhere a short text.
 */
@ApplicationScoped
public class BodySizeLimitFilter {

    @Inject
    VicheConfig config;

    @Inject
    ObjectMapper json;

    /** Registered ahead of every other route so that nothing reads an oversized body. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::limitBodySize).failureHandler(this::bodyTooLarge);
        router.route().order(Integer.MIN_VALUE + 101).handler(this::refuseNulInBody);
    }

    void limitBodySize(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (hasNul(rc.request())) {
            reject(rc, path, 400, "Bad request", "The request contains a NUL character, which no field accepts.");
            return;
        }
        if (rc.request().method() == HttpMethod.GET || rc.request().method() == HttpMethod.HEAD) {
            rc.next();
            return;
        }
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        long limit = limitFor(path);
        if (length > limit) {
            tooLarge(rc, path, limit);
            return;
        }
        String transfer = rc.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (length <= 0 && (transfer == null || !transfer.toLowerCase().contains("chunked"))) {
            rc.next(); // no body at all: nothing to read
            return;
        }
        // Reads the body, counting what arrives: past the limit, it fails the request with 413.
        BodyHandler.create(false).setHandleFileUploads(false).setBodyLimit(limit).handle(rc);
    }

    void bodyTooLarge(RoutingContext rc) {
        if (rc.statusCode() == 413 && !rc.response().headWritten()) {
            String path = rc.normalizedPath();
            tooLarge(rc, path, limitFor(path));
            return;
        }
        rc.next();
    }

    void refuseNulInBody(RoutingContext rc) {
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        if (body != null && body.length() > 0 && containsNul(body, rc.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            reject(rc, rc.normalizedPath(), 400, "Bad request", "The request contains a NUL character, which no field accepts.");
            return;
        }
        rc.next();
    }

    /** A NUL in the path or query (raw or percent-encoded), or in any header. */
    static boolean hasNul(HttpServerRequest request) {
        String uri = request.uri();
        if (uri != null && (uri.indexOf('\0') >= 0 || uri.contains("%00"))) {
            return true;
        }
        for (Map.Entry<String, String> header : request.headers()) {
            if (header.getKey().indexOf('\0') >= 0 || header.getValue().indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A raw NUL byte; in a form, a percent-encoded one; in JSON (or anything else), the escape
     * {@code \u0000} — one preceded by an odd run of backslashes, so {@code \\u0000} (a backslash,
     * then the letters u0000) is still accepted.
     */
    static boolean containsNul(Buffer body, String contentType) {
        byte[] bytes = body.getBytes();
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return text.contains("%00");
        }
        for (int at = text.indexOf("u0000"); at >= 0; at = text.indexOf("u0000", at + 1)) {
            int backslashes = 0;
            for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                return true;
            }
        }
        return false;
    }

    private long limitFor(String path) {
        if (path.endsWith("/responses/batch")) {
            return config.limits().batchBodyBytes();
        }
        return ErrorResponses.isApi(path) ? config.limits().apiBodyBytes() : config.limits().formBodyBytes();
    }

    private void tooLarge(RoutingContext rc, String path, long limit) {
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        reject(rc, path, 413, "Payload too large", "The request body is larger than " + limit + " bytes.");
    }

    private void reject(RoutingContext rc, String path, int status, String title, String detail) {
        rc.response().setStatusCode(status);
        if (ErrorResponses.isApi(path)) {
            Problem problem = Problem.of(status, title, detail);
            try {
                rc.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                rc.response().end();
            }
        } else {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8").end(title);
        }
    }
}
