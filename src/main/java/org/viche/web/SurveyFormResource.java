package org.viche.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.viche.error.ApiException;
import org.viche.error.FieldError;
import org.viche.invitation.InvitationCodes;
import org.viche.ratelimit.SubmissionLimits;
import org.viche.response.Channel;
import org.viche.response.IdempotencyKey;
import org.viche.response.RequestThread;
import org.viche.response.ResponseService;
import org.viche.response.SubmissionRequest;
import org.viche.response.SubmitOutcome;
import org.viche.response.Submitter;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The citizen's form: shows a survey's questions, turns the posted form into a submission for
 * {@link ResponseService} (the same rules as the API), shows refusals next to the questions
 * they concern, and on success answers the POST itself with the receipt page.
 *
 * <p>Why no redirect to a receipt page: a redirect needs the receipt in the next address (and
 * so in the browser history) or a token kept somewhere that ties a receipt to a moment; the
 * POST's own answer, never cached, keeps the receipt on the screen only. A crafted address
 * cannot show congratulations, because no address shows a receipt. Reloading it (or pressing
 * "send" twice) posts the form again with the same one-time {@code submission} key drawn when
 * the form was shown: the service recognises the key and answers with the first receipt,
 * storing nothing new (docs/privacy.md, "whoever holds the phone").
 */
@Path("/s/{slug}")
@Produces(MediaType.TEXT_HTML)
public class SurveyFormResource {

    @Inject
    SurveyService surveys;

    @Inject
    ResponseService responses;

    @Inject
    LanguageResolver languages;

    @Inject
    FormPageBuilder forms;

    @Inject
    RenderedPages rendered;

    @Inject
    SubmissionLimits limits;

    @Inject
    FreshCsrfToken tokens;

    @Inject
    CurrentVertxRequest vertxRequest;

    @Context
    HttpServerRequest http;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page page, FormPage form, String submission, String questions);

        static native TemplateInstance questions(FormPage form);

        static native TemplateInstance closed(Page page, SurveyHead survey);

        static native TemplateInstance thanks(Page page, SurveyHead survey, String receipt);
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> form(@PathParam("slug") String slug, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        // On the I/O thread: nothing here waits for the database unless the survey is not in memory.
        return surveys.findPublicWithoutBlocking(slug).map(survey -> blankForm(survey, lang, acceptLanguage));
    }

    private Response blankForm(SurveySnapshot survey, String lang, String acceptLanguage) {
        String slug = survey.slug();
        PageMessages msg = PageTexts.of(languages.forSurvey(lang, acceptLanguage, survey));
        if (!survey.isOpen()) {
            return closed(survey, msg, 200);
        }
        FormPage blank = forms.blank(survey, msg);
        // Every citizen's first request: the questions are the same for all, rendered once per
        // survey and language; only the page around them (its token and one-time key) is per request.
        String questions = rendered.get(RenderedPages.Kind.BLANK_FORM_QUESTIONS, slug, msg.language(), survey.openedAt(),
                () -> PageTexts.in(msg.language(), Templates.questions(blank)).render());
        return formPage(survey, msg, 200, blank, newSubmission(), questions);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> submit(@PathParam("slug") String slug, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, MultivaluedMap<String, String> form) {
        // As the API's submission: on the I/O thread, and no thread waits for the commit (see
        // ResponseResource.submit); the thanks page is rendered back on the request's event loop.
        RoutingContext request = vertxRequest.getCurrent();
        Executor requestThread = RequestThread.current();
        String address = SubmissionLimits.addressOf(http);
        return surveys.findPublicWithoutBlocking(slug).chain(survey -> {
            PageMessages msg = PageTexts.of(languages.forSurvey(lang, acceptLanguage, survey));
            Posted posted = new Posted(survey, msg, form, submission(form), request);
            if (!survey.isOpen()) {
                return Uni.createFrom().item(closed(survey, msg, 409));
            }
            if (!isBlank(FormAnswers.field(form, FormFields.HONEYPOT))) {
                // Filled by a program, not a person (people never see the field): nothing is stored,
                // and the answer looks like any refusal so the program learns nothing about the trap.
                return Uni.createFrom().item(refused(posted, List.of(new FieldError(null, "formRefused", "The form was refused."))));
            }
            FormAnswers.Conversion converted = FormAnswers.convert(survey.definition(), form);
            SubmissionRequest answers = new SubmissionRequest(FormAnswers.field(form, FormFields.REGION), msg.language(),
                    converted.answers(), FormAnswers.field(form, FormFields.INVITATION));
            List<FieldError> formErrors = new ArrayList<>(converted.errors());
            invitationError(survey, answers.invitation()).ifPresent(formErrors::add);
            if (!formErrors.isEmpty()) {
                return Uni.createFrom().item(refused(posted, withServiceErrors(survey, answers, formErrors)));
            }
            return limits.clientHashWithoutBlocking(address)
                    .chain(client -> Uni.createFrom().completionStage(responses.submitAsync(survey, answers,
                            new Submitter.Anonymous(client), Channel.WEB, posted.submission(), Infrastructure.getDefaultWorkerPool())))
                    .emitOn(requestThread)
                    .map(outcome -> answer(outcome, posted));
        });
    }

    /** A posted form and what it needs to be shown again. */
    private record Posted(SurveySnapshot survey, PageMessages msg, MultivaluedMap<String, String> form, String submission,
            RoutingContext request) {
    }

    private Response answer(SubmitOutcome outcome, Posted posted) {
        SurveySnapshot survey = posted.survey();
        PageMessages msg = posted.msg();
        if (outcome instanceof SubmitOutcome.Accepted accepted) {
            return thanks(survey, msg, accepted.receipt().receipt());
        }
        if (outcome instanceof SubmitOutcome.Refused refused) {
            return refused(posted, refused.errors());
        }
        if (outcome instanceof SubmitOutcome.InvitationRejected rejected) {
            return refused(posted, List.of(invitationError(rejected.problem())));
        }
        if (outcome instanceof SubmitOutcome.Closed) {
            return closed(survey, msg, 409); // it closed while this form was on its way
        }
        if (outcome instanceof SubmitOutcome.RateLimited limited) {
            throw new ApiException(429, "Too many requests", "Too many submissions from this client.", List.of(),
                    (int) limited.retryAfterSeconds());
        }
        if (outcome instanceof SubmitOutcome.NotStored) {
            throw new ApiException(503, "Not stored", "The response could not be stored; please send the form again.",
                    List.of(), 1);
        }
        // Anonymous form keys are never reused by the store and the form never lacks permission.
        throw new IllegalStateException("Unexpected outcome for a form: " + outcome);
    }

    private static FieldError invitationError(SubmitOutcome.InvitationProblem problem) {
        return switch (problem) {
            case REQUIRED -> new FieldError(FormFields.INVITATION, "invitationRequired", "An invitation code is required.");
            case MALFORMED -> new FieldError(FormFields.INVITATION, "invitationMalformed", "This is not an invitation code.");
            case UNKNOWN_OR_USED -> new FieldError(FormFields.INVITATION, "invitationInvalid",
                    "This invitation code is unknown or already used.");
        };
    }

    /** The receipt, shown in the answer to the POST that produced it and nowhere else; never cached. */
    private Response thanks(SurveySnapshot survey, PageMessages msg, String receipt) {
        Page page = Page.of(msg.language(), msg.thanks_title(), "/s/" + survey.slug(), Map.of(),
                LanguageResolver.offered(survey));
        return HtmlResponses.privateFormPage(200, PageTexts.in(msg.language(), Templates.thanks(page, SurveyHead.of(survey, msg.language()), receipt)));
    }

    /** The one-time key of a shown form: random, so it says nothing about who holds it. */
    private static String newSubmission() {
        return UUID.randomUUID().toString();
    }

    /** The posted form's key, or a fresh one if it is missing or malformed (then a resend is a new submission). */
    static String submission(MultivaluedMap<String, String> form) {
        String posted = FormAnswers.field(form, FormFields.SUBMISSION);
        return posted != null && IdempotencyKey.isWellFormed(posted) && posted.length() <= 64 ? posted : newSubmission();
    }

    /**
     * A TOKEN survey's code is checked for typos (length, symbols, check symbol) before it is
     * sent on, so a mistyped code is shown next to its field with every answer kept; the
     * service then only has to say whether a well-formed code is unknown or used.
     */
    private static Optional<FieldError> invitationError(SurveySnapshot survey, String invitation) {
        if (survey.definition().accessMode() != SurveyDefinition.AccessMode.TOKEN) {
            return Optional.empty();
        }
        if (isBlank(invitation)) {
            return Optional.of(invitationError(SubmitOutcome.InvitationProblem.REQUIRED));
        }
        if (!InvitationCodes.isWellFormed(invitation)) {
            return Optional.of(invitationError(SubmitOutcome.InvitationProblem.MALFORMED));
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Problems of the form's own (a rank given twice) plus the service's verdict on the rest,
     * so that a person sees every problem at once; a question with a form problem is not judged twice.
     */
    private List<FieldError> withServiceErrors(SurveySnapshot survey, SubmissionRequest request, List<FieldError> formErrors) {
        Set<String> fields = formErrors.stream().map(FieldError::field).collect(Collectors.toSet());
        List<FieldError> all = new ArrayList<>(formErrors);
        responses.check(survey, request).errors().stream().filter(e -> !fields.contains(e.field())).forEach(all::add);
        return all;
    }

    /** The form again with every answer and a fresh token: correcting it may take its time. */
    private Response refused(Posted posted, List<FieldError> errors) {
        tokens.renew(posted.request());
        return formPage(posted.survey(), posted.msg(), 422, forms.build(posted.survey(), posted.msg(), posted.form(), errors),
                posted.submission());
    }

    private Response formPage(SurveySnapshot survey, PageMessages msg, int status, FormPage form, String submission) {
        return formPage(survey, msg, status, form, submission, null);
    }

    /** @param questions the form's questions rendered before (a blank form), or null to render them with the page */
    private Response formPage(SurveySnapshot survey, PageMessages msg, int status, FormPage form, String submission,
            String questions) {
        String title = form.hasErrors() ? msg.form_title_errors(form.survey().title()) : form.survey().title();
        Page page = Page.of(msg.language(), title, "/s/" + survey.slug(), Map.of(), LanguageResolver.offered(survey));
        return HtmlResponses.privateFormPage(status,
                PageTexts.in(msg.language(), Templates.form(page, form, submission, questions)));
    }

    private Response closed(SurveySnapshot survey, PageMessages msg, int status) {
        SurveyHead head = SurveyHead.of(survey, msg.language());
        Page page = Page.of(msg.language(), head.title(), "/s/" + survey.slug(), Map.of(), LanguageResolver.offered(survey));
        return HtmlResponses.page(status, PageTexts.in(msg.language(), Templates.closed(page, head)));
    }
}
