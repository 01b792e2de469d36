package org.viche.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Browser-side protections on every response, including error pages and the stylesheet.
 * The policy allows nothing but this site's own stylesheet, images and script files (the quick
 * exit's, which only improves a link that works without it): the pages need no script and
 * load nothing from elsewhere, so a respondent's browser never tells a third party
 * that they visited. The Quarkus tools under {@code /q/} (Swagger UI uses inline scripts)
 * keep the other headers but not the policy.
 */
@ApplicationScoped
class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * No address ever leaves for another site, yet the form's own POST keeps its Origin:
     * under "no-referrer" browsers send {@code Origin: null}, which the CORS filter (on for
     * partner sites) must refuse as a foreign origin.
     */
    static final String REFERRER_POLICY = "same-origin";

    /** Ahead of every other route, so even early refusals (a 413 before the body is read) carry them. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::addHeaders);
    }

    void addHeaders(RoutingContext rc) {
        boolean tooling = rc.normalizedPath().startsWith("/q/");
        rc.addHeadersEndHandler(ignored -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", REFERRER_POLICY);
            headers.set("X-Frame-Options", "DENY");
            if (!tooling) {
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
        });
        rc.next();
    }
}
