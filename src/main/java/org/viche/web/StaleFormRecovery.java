package org.viche.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.viche.error.ApiException;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * A form left open longer than its anti-forgery cookie lives (two hours) is refused by the
 * framework's CSRF check before any resource runs. Rather than a bare error page, and a blank
 * form on going back ({@code no-store}), the person gets their form again with everything they
 * posted filled in, a fresh token, and a sentence saying why nothing was sent yet. Nothing is
 * stored from the refused request: it is only echoed back to the browser that posted it. Only a
 * post that carried a token field counts as the form; anything else keeps the plain error page.
 */
@ApplicationScoped
class StaleFormRecovery {

    /** The survey form itself; the thanks page and other paths keep the plain error page. */
    private static final Pattern FORM_PATH = Pattern.compile("/s/([a-z0-9][a-z0-9-]*)/?");

    @Inject
    SurveyService surveys;

    @Inject
    LanguageResolver languages;


    @Inject
    FormPageBuilder forms;

    @Inject
    FreshCsrfToken tokens;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String tokenField;

    /**
     * The re-shown form as HTML, or empty when this refusal was not a survey form's post. The
     * survey comes from memory or is read on a worker thread: the refusal may be handled on an
     * I/O thread, which must not wait for the database.
     */
    Uni<Optional<String>> reshow(String method, String path, FormData posted, RoutingContext rc) {
        Matcher form = FORM_PATH.matcher(path);
        if (!"POST".equals(method) || !form.matches() || posted == null || !posted.contains(tokenField) || rc == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return surveys.findPublicWithoutBlocking(form.group(1))
                .map(survey -> survey.isOpen() ? Optional.of(page(survey, posted, rc)) : Optional.<String>empty())
                .onFailure(ApiException.class).recoverWithItem(Optional.empty());
    }

    private String page(SurveySnapshot survey, FormData posted, RoutingContext rc) {
        PageMessages msg = PageTexts.of(languages.forSurvey(rc.request().getParam("lang"),
                rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE), survey));
        tokens.renew(rc);
        MultivaluedMap<String, String> answers = answers(posted);
        FormPage page = forms.build(survey, msg, answers, List.of())
                .withNotice(msg.form_expired());
        Page layout = Page.of(msg.language(), page.survey().title(),
                "/s/" + survey.slug(), Map.of(), LanguageResolver.offered(survey));
        return PageTexts.in(msg.language(), SurveyFormResource.Templates.form(layout, page,
                SurveyFormResource.submission(answers), null)).render();
    }

    /** What the person posted, less the stale token. */
    private MultivaluedMap<String, String> answers(FormData posted) {
        MultivaluedMap<String, String> answers = new MultivaluedHashMap<>();
        for (String name : posted) {
            if (name.equals(tokenField)) {
                continue;
            }
            for (FormValue value : posted.get(name)) {
                if (!value.isFileItem()) {
                    answers.add(name, value.getValue());
                }
            }
        }
        return answers;
    }
}
