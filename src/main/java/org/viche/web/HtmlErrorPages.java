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


    /** What an error page says: the status, a title, an explanation, and a way back. */
    public record ErrorView(int status, String title, String text) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Page page, ErrorView error);
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
        PageMessages msg = PageTexts.of(lang);
        ErrorView view = view(status, msg);
        Page page = Page.of(msg.language(), view.title(), path, Map.of(), SurveyDefinition.SUPPORTED_LANGUAGES);
        return PageTexts.in(msg.language(), Templates.error(page, view)).render();
    }

    /** The statuses a page explains on its own; any other 4xx shares one text, any 5xx the 500 one. */
    static ErrorView view(int status, PageMessages msg) {
        return switch (status) {
            case 400 -> new ErrorView(status, msg.errorpage_title_400(), msg.errorpage_text_400());
            case 403 -> new ErrorView(status, msg.errorpage_title_403(), msg.errorpage_text_403());
            case 404 -> new ErrorView(status, msg.errorpage_title_404(), msg.errorpage_text_404());
            case 405 -> new ErrorView(status, msg.errorpage_title_405(), msg.errorpage_text_405());
            case 409 -> new ErrorView(status, msg.errorpage_title_409(), msg.errorpage_text_409());
            case 413 -> new ErrorView(status, msg.errorpage_title_413(), msg.errorpage_text_413());
            case 415 -> new ErrorView(status, msg.errorpage_title_415(), msg.errorpage_text_415());
            case 429 -> new ErrorView(status, msg.errorpage_title_429(), msg.errorpage_text_429());
            default -> status >= 500 ? new ErrorView(status, msg.errorpage_title_500(), msg.errorpage_text_500())
                    : new ErrorView(status, msg.errorpage_title_4xx(), msg.errorpage_text_4xx());
        };
    }

    private RoutingContext currentRequest() {
        return Arc.container().requestContext().isActive() ? request.getCurrent() : null;
    }
}
