package org.viche.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import org.viche.response.ReceiptCodes;
import org.viche.response.ResponseService;
import org.viche.response.SubmissionRequest;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * The citizen's form: shows a survey's questions, turns the posted form into a submission for
 * {@link ResponseService} (the same rules as the API), shows refusals next to the questions
 * they concern, and on success redirects (Post/Redirect/Get) to the receipt, so that reloading
 * the receipt page can never submit the answers twice.
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
    MessageCatalog messages;

    @Inject
    FormPageBuilder forms;

    @Inject
    SubmissionLimits limits;

    @Inject
    AnsweredCookie answered;

    @Context
    HttpServerRequest http;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page page, Messages msg, FormPage form);

        static native TemplateInstance answered(Page page, Messages msg, SurveyHead survey, String receipt,
                String verifyHref, String anywayHref);

        static native TemplateInstance closed(Page page, Messages msg, SurveyHead survey);

        static native TemplateInstance thanks(Page page, Messages msg, SurveyHead survey, String receipt, String verifyHref);
    }

    @GET
    @Operation(hidden = true)
    public Response form(@PathParam("slug") String slug, @QueryParam("lang") String lang,
            @QueryParam("again") String again, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @CookieParam(AnsweredCookie.NAME) String answeredCookie) {
        SurveySnapshot survey = surveys.findPublic(slug);
        Messages msg = messages.of(languages.forSurvey(lang, acceptLanguage, survey));
        if (!survey.isOpen()) {
            Response closed = closed(survey, msg, 200);
            return answeredCookie == null ? closed
                    : Response.fromResponse(closed).header(HttpHeaders.SET_COOKIE, answered.clear(survey, secure())).build();
        }
        if (again == null) {
            Optional<String> receipt = answered.receipt(survey, answeredCookie, Instant.now());
            if (receipt.isPresent()) {
                return answeredPage(survey, msg, receipt.get());
            }
        }
        return formPage(survey, msg, 200, forms.blank(survey, msg), again == null ? Map.of() : Map.of("again", "1"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(@PathParam("slug") String slug, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, MultivaluedMap<String, String> form) {
        SurveySnapshot survey = surveys.findPublic(slug);
        Messages msg = messages.of(languages.forSurvey(lang, acceptLanguage, survey));
        if (!survey.isOpen()) {
            return closed(survey, msg, 409);
        }
        if (!isBlank(FormAnswers.field(form, FormFields.HONEYPOT))) {
            // Filled by a program, not a person (people never see the field): nothing is stored,
            // and the answer looks like any refusal so the program learns nothing about the trap.
            return refused(survey, msg, form, List.of(new FieldError(null, "formRefused", "The form was refused.")));
        }
        FormAnswers.Conversion converted = FormAnswers.convert(survey.definition(), form);
        SubmissionRequest request = new SubmissionRequest(FormAnswers.field(form, FormFields.REGION), msg.language(),
                converted.answers(), FormAnswers.field(form, FormFields.INVITATION));
        List<FieldError> formErrors = new ArrayList<>(converted.errors());
        invitationError(survey, request.invitation()).ifPresent(formErrors::add);
        if (!formErrors.isEmpty()) {
            return refused(survey, msg, form, withServiceErrors(survey, request, formErrors));
        }
        try {
            String client = limits.clientHash(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
            limits.checkPublic(survey.id(), client, 1);
            String submission = FormAnswers.field(form, FormFields.SUBMISSION);
            IdempotencyKey key = SubmissionKeys.isWellFormed(submission) ? new IdempotencyKey(SubmissionKeys.SCOPE, submission) : null;
            ResponseService.Accepted accepted = responses.submit(survey, request,
                    new ResponseService.Origin(Channel.WEB, null, key, client));
            String thanks = Page.href("/s/" + slug + "/thanks",
                    orderedQuery("r", accepted.receipt().receipt(), "lang", msg.language()));
            return Response.seeOther(URI.create(thanks))
                    .header(HttpHeaders.SET_COOKIE, answered.issue(survey, accepted.receipt().receipt(), secure(), Instant.now()))
                    .build();
        } catch (ApiException e) {
            if (e.status() == 422 && !e.errors().isEmpty()) {
                return refused(survey, msg, form, e.errors());
            }
            if (e.status() == 403) {
                return refused(survey, msg, form, List.of(
                        new FieldError(FormFields.INVITATION, "invitationRequired", e.getMessage())));
            }
            if (e.status() == 409) {
                SurveySnapshot now = surveys.findPublic(slug);
                return now.isOpen()
                        ? refused(survey, msg, form, List.of(new FieldError(FormFields.INVITATION, "invitationInvalid", e.getMessage())))
                        : closed(now, msg, 409);
            }
            throw e;
        }
    }

    @GET
    @Path("/thanks")
    @Operation(hidden = true)
    public Response thanks(@PathParam("slug") String slug, @QueryParam("r") String receipt, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        SurveySnapshot survey = surveys.findPublic(slug);
        if (!ReceiptCodes.isIssuedForm(receipt)) {
            throw ApiException.notFound("No receipt at this address.");
        }
        Messages msg = messages.of(languages.forSurvey(lang, acceptLanguage, survey));
        Page page = Page.of(msg.language(), msg.get("thanks.title"), "/s/" + slug + "/thanks",
                Map.of("r", receipt), LanguageResolver.offered(survey));
        return HtmlResponses.privatePage(200, Templates.thanks(page, msg, SurveyHead.of(survey, msg.language()), receipt,
                Page.href("/verify", orderedQuery("receipt", receipt, "lang", msg.language()))));
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
            return Optional.of(new FieldError(FormFields.INVITATION, "invitationRequired", "An invitation code is required."));
        }
        if (!InvitationCodes.isWellFormed(invitation)) {
            return Optional.of(new FieldError(FormFields.INVITATION, "invitationMalformed", "This is not an invitation code."));
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Secure cookies only when the browser reached us over HTTPS (directly or as the proxy says). */
    private boolean secure() {
        return "https".equalsIgnoreCase(http.scheme());
    }

    /** The form of a survey this browser has answered: the receipt, and a way to answer anyway. */
    private Response answeredPage(SurveySnapshot survey, Messages msg, String receipt) {
        SurveyHead head = SurveyHead.of(survey, msg.language());
        Page page = Page.of(msg.language(), head.title(), "/s/" + survey.slug(), Map.of(), LanguageResolver.offered(survey));
        String verify = Page.href("/verify", orderedQuery("receipt", receipt, "lang", msg.language()));
        String anyway = Page.href("/s/" + survey.slug(), orderedQuery("lang", msg.language(), "again", "1"));
        return HtmlResponses.privatePage(200, Templates.answered(page, msg, head, receipt, verify, anyway));
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

    private Response refused(SurveySnapshot survey, Messages msg, MultivaluedMap<String, String> form, List<FieldError> errors) {
        return formPage(survey, msg, 422, forms.build(survey, msg, form, errors));
    }

    private Response formPage(SurveySnapshot survey, Messages msg, int status, FormPage form) {
        return formPage(survey, msg, status, form, Map.of());
    }

    /** {@code query}: kept by the language links ("answer anyway" must survive a change of language). */
    private Response formPage(SurveySnapshot survey, Messages msg, int status, FormPage form, Map<String, String> query) {
        String title = form.hasErrors() ? msg.format("form.title.errors", form.survey().title()) : form.survey().title();
        Page page = Page.of(msg.language(), title, "/s/" + survey.slug(), query, LanguageResolver.offered(survey));
        return HtmlResponses.privatePage(status, Templates.form(page, msg, form));
    }

    private Response closed(SurveySnapshot survey, Messages msg, int status) {
        SurveyHead head = SurveyHead.of(survey, msg.language());
        Page page = Page.of(msg.language(), head.title(), "/s/" + survey.slug(), Map.of(), LanguageResolver.offered(survey));
        return HtmlResponses.page(status, Templates.closed(page, msg, head));
    }

    private static Map<String, String> orderedQuery(String k1, String v1, String k2, String v2) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(k1, v1);
        query.put(k2, v2);
        return query;
    }
}
