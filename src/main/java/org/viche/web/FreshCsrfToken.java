package org.viche.web;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.RoutingContext;

/**
 * A new anti-forgery token for a form shown again, so that the person gets the token's full
 * lifetime to correct and resend it, however long the first attempt took. Sets the CSRF
 * extension's own routing-context keys: its response filter then issues the matching cookie,
 * and the template's {@code {inject:csrf.token}} writes the new token into the form.
 */
@ApplicationScoped
class FreshCsrfToken {

    private static final String TOKEN = "csrf_token";
    private static final String TOKEN_BYTES = "csrf_token_bytes";
    private static final String NEW_COOKIE_REQUIRED = "true";

    private final SecureRandom random = new SecureRandom();

    @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16")
    int tokenSize;

    void renew(RoutingContext rc) {
        byte[] bytes = new byte[tokenSize];
        random.nextBytes(bytes);
        rc.put(TOKEN_BYTES, bytes);
        rc.put(TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        rc.put(NEW_COOKIE_REQUIRED, true);
    }
}
