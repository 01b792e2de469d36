package org.viche.web;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.viche.results.ResultsService;
import org.viche.results.ResultsView;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;
import org.viche.survey.SurveyStatus;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The public results page: the same figures as {@code /api/v1/surveys/{slug}/results}, for people. */
@Path("/s/{slug}/results")
@Produces(MediaType.TEXT_HTML)
public class ResultsPageResource {

    @Inject
    SurveyService surveys;

    @Inject
    ResultsService results;

    @Inject
    LanguageResolver languages;


    @Inject
    ResultsPageBuilder pages;

    @Inject
    RenderedPages rendered;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(Page page, ResultsPage results);
    }

    @GET
    @Operation(hidden = true)
    public Response results(@PathParam("slug") String slug, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        SurveySnapshot survey = surveys.findPublic(slug);
        PageMessages msg = PageTexts.of(languages.forSurvey(lang, acceptLanguage, survey));
        // AFTER_CLOSE: say so in words rather than show the API's 403.
        boolean withheld = survey.isOpen()
                && survey.definition().resultsVisibility() == SurveyDefinition.ResultsVisibility.AFTER_CLOSE;
        ResultsView figures = withheld ? null : results.publicResults(survey);
        // The page changes with the snapshot it shows and with the survey's status (open, closed).
        Shown shown = new Shown(survey.status(), figures == null ? null : figures.generatedAt());
        String html = rendered.get(RenderedPages.Kind.RESULTS, slug, msg.language(), shown, () -> {
            ResultsPage view = withheld ? pages.withheld(survey, msg) : pages.build(survey, figures, msg);
            Page page = Page.of(msg.language(), msg.results_title(view.survey().title()), "/s/" + slug + "/results",
                    Map.of(), LanguageResolver.offered(survey));
            return PageTexts.in(msg.language(), Templates.results(page, view)).render();
        });
        return HtmlResponses.page(200, html);
    }

    private record Shown(SurveyStatus status, OffsetDateTime snapshot) {
    }
}
