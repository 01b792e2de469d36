package org.viche.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The CSRF cookie only where there is a form to protect. Quarkus' CSRF filter sets its cookie
 * on every page a REST resource renders; a respondent's phone should not collect a cookie from
 * the home page, the results or an error page. A page with a form says so with an internal
 * header ({@link HtmlResponses#privateFormPage}), removed here before it leaves; on every
 * other response the cookie is dropped. The cookie itself is signed (HMAC, the extension's
 * {@code token-signature-key}), HttpOnly, {@code SameSite=Strict}, and {@code Secure} when the
 * request reached us over HTTPS — directly or, as a trusted proxy says, through it.
 */
@ApplicationScoped
class FormCookiePolicy {

    static final String MARKER = "X-Viche-Form-Page";

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String cookieName;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::apply);
    }

    void apply(RoutingContext rc) {
        rc.addHeadersEndHandler(ignored -> {
            boolean formPage = rc.response().headers().contains(MARKER);
            rc.response().headers().remove(MARKER);
            Cookie csrf = rc.response().removeCookie(cookieName, false);
            if (csrf == null || !formPage) {
                return;
            }
            csrf.setSameSite(CookieSameSite.STRICT).setHttpOnly(true);
            if (rc.request().isSSL()) {
                csrf.setSecure(true);
            }
            rc.response().addCookie(csrf);
        });
        rc.next();
    }
}
