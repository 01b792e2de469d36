package org.viche.error;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.viche.config.VicheConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first thing every request meets, so that nothing behind it reads what it refuses:
 * <ul>
 * <li><b>body size</b>: a declared Content-Length over the route's limit is refused before
 * anything is read; a body without one (chunked) is counted as it is read
 * ({@link BodyLimitInterceptor}) and refused the same way, 413;</li>
 * <li><b>NUL</b>: PostgreSQL stores no NUL character in text, so a NUL in the path, query or
 * a header is a 400 here instead of a failed statement (a 500) later; in a body, the answer
 * validator refuses it field by field (422).</li>
 * </ul>
 * Under /api the refusal is problem+json; elsewhere the HTML error page in the person's language
 * (a short text where no page renderer is present).
 */
@ApplicationScoped
public class BodySizeLimitFilter {

    @Inject
    VicheConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<ErrorResponses.ErrorPageRenderer> pages;

    /** Registered ahead of every other route so that nothing reads an oversized body. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::limitBodySize);
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
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            reject(rc, path, 413, "Payload too large", "The request body is larger than " + limit + " bytes.");
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

    long limitFor(String path) {
        if (path.endsWith("/responses/batch")) {
            return config.limits().batchBodyBytes();
        }
        if (path.startsWith("/admin/")) {
            return config.limits().consoleBodyBytes();
        }
        return ErrorResponses.isApi(path) ? config.limits().apiBodyBytes() : config.limits().formBodyBytes();
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
        } else if (pages.isResolvable()) {
            // A person sent too much through a form: the usual error page, in their language.
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).end(pages.get().render(413, rc));
        } else {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8").end(title);
        }
    }
}
