package org.viche.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import jakarta.inject.Inject;

import org.viche.config.VicheConfig;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Metrics are not public: request counts per path and timing tell an observer when and how a
 * survey is answered. {@code /q/metrics} answers only a scraper presenting
 * {@code VICHE_METRICS_TOKEN} as a bearer token; without that setting, no one (404).
 */
@ApplicationScoped
public class MetricsGuard {

    @Inject
    VicheConfig config;

    void register(@Observes Router router) {
        router.route("/q/metrics*").order(Integer.MIN_VALUE + 102).handler(this::guard);
    }

    void guard(RoutingContext rc) {
        Optional<String> token = config.metrics().token();
        if (token.isEmpty() || token.get().isBlank()) {
            rc.response().setStatusCode(404).end();
            return;
        }
        String presented = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        byte[] expected = ("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8);
        if (presented == null || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            rc.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
            return;
        }
        rc.next();
    }
}
