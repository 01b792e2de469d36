package org.viche.web;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.viche.error.ErrorResponses;
import org.viche.survey.SurveyDefinition;

import io.quarkus.arc.Arc;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Error pages for people (the API keeps problem+json): a short explanation in the reader's
 * language inside the usual layout, never a stack trace or an exception's text. The error
 * layer only passes a status, so the language is read from the current request.
 */
@ApplicationScoped
class HtmlErrorPages implements ErrorResponses.ErrorPageRenderer {

    @Inject
    CurrentVertxRequest request;

    @Inject
    LanguageResolver languages;

    @Inject
    MessageCatalog messages;

    /** What an error page says: the status, a title, an explanation, and a way back. */
    public record ErrorView(int status, String title, String text) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Page page, Messages msg, ErrorView error);
    }

    /** Paths safe to echo into the language links; anything else (e.g. {@code //host}) links home. */
    private static final Pattern PLAIN_PATH = Pattern.compile("/([A-Za-z0-9_.-]+/?)*");

    @Override
    public String render(int status) {
        return render(status, currentRequest());
    }

    @Override
    public String render(int status, RoutingContext rc) {
        String lang = rc == null ? LanguageResolver.DEFAULT
                : languages.forSite(rc.request().getParam("lang"), rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String path = rc != null && PLAIN_PATH.matcher(rc.normalizedPath()).matches() ? rc.normalizedPath() : "/";
        Messages msg = messages.of(lang);
        String key = msg.has("errorpage.title." + status) ? String.valueOf(status) : status >= 500 ? "500" : "4xx";
        ErrorView view = new ErrorView(status, msg.get("errorpage.title." + key), msg.get("errorpage.text." + key));
        Page page = Page.of(msg.language(), view.title(), path, Map.of(), SurveyDefinition.SUPPORTED_LANGUAGES);
        return Templates.error(page, msg, view).render();
    }

    private RoutingContext currentRequest() {
        return Arc.container().requestContext().isActive() ? request.getCurrent() : null;
    }
}
