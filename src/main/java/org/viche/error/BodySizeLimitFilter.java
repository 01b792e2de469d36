package org.viche.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.viche.config.VicheConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses oversized bodies before they are read, with a problem+json 413 under /api.
 * The declared Content-Length is checked here; a chunked body that grows past the
 * global ceiling ({@code quarkus.http.limits.max-body-size}) is cut off by Vert.x.
 */
@ApplicationScoped
public class BodySizeLimitFilter {

    @Inject
    VicheConfig config;

    @Inject
    ObjectMapper json;

    /** Registered ahead of every other route so that nothing reads an oversized body. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::limitBodySize);
    }

    void limitBodySize(RoutingContext rc) {
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
        String path = rc.normalizedPath();
        long limit = limitFor(path);
        if (length > limit) {
            reject(rc, path, limit);
            return;
        }
        rc.next();
    }

    private long limitFor(String path) {
        if (path.endsWith("/responses/batch")) {
            return config.limits().batchBodyBytes();
        }
        if (path.startsWith("/admin/")) {
            return config.limits().consoleBodyBytes();
        }
        return ErrorResponses.isApi(path) ? config.limits().apiBodyBytes() : config.limits().formBodyBytes();
    }

    private void reject(RoutingContext rc, String path, long limit) {
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close");
        if (ErrorResponses.isApi(path)) {
            Problem problem = Problem.of(413, "Payload too large", "The request body is larger than " + limit + " bytes.");
            try {
                rc.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                rc.response().end();
            }
        } else {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8").end("Request too large");
        }
    }
}
