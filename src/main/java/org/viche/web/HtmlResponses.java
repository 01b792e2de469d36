package org.viche.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/**
 * How every page answers: HTML declared as UTF-8, marked as varying with the browser's
 * language (pages without {@code ?lang=} follow {@code Accept-Language}), and never stored when
 * it holds a person's answers or receipt. Pages are rendered here, while the request (and its
 * CSRF token) is still current.
 */
public final class HtmlResponses {

    public static final String HTML = "text/html;charset=UTF-8";

    private HtmlResponses() {
    }

    public static Response page(int status, TemplateInstance page) {
        return builder(status, page).build();
    }

    /** As {@link #page(int, TemplateInstance)}, for a page rendered before. */
    public static Response page(int status, String html) {
        return builder(status, html).build();
    }

    /**
     * For the form, its refusals and the receipt page: a shared or inspected phone must not keep
     * a copy of someone's answers or receipt in its browser cache.
     */
    public static Response privatePage(int status, TemplateInstance page) {
        return builder(status, page).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * A private page that holds a form: the only kind of page that keeps the CSRF cookie
     * ({@link FormCookiePolicy}); every other page drops it.
     */
    public static Response privateFormPage(int status, TemplateInstance page) {
        return builder(status, page).header(HttpHeaders.CACHE_CONTROL, "no-store").header(FormCookiePolicy.MARKER, "1").build();
    }

    private static Response.ResponseBuilder builder(int status, TemplateInstance page) {
        return builder(status, page.render());
    }

    private static Response.ResponseBuilder builder(int status, String html) {
        return Response.status(status).type(HTML).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).entity(html);
    }
}
