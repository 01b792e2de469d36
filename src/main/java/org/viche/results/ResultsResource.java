package org.viche.results;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.viche.survey.QuestionType;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/surveys/{slug}")
@Tag(name = "Results", description = "Aggregated results by region, with Wilson intervals and small-cell suppression. "
        + "Public readers get a snapshot republished at a coarse interval (generatedAt says when); "
        + "admin and researcher tokens always get current figures.")
public class ResultsResource {

    private static final String NOT_YET_PUBLIC = "The survey publishes results only after it closes "
            + "(results.visibility = AFTER_CLOSE) and is still open; admin and researcher tokens see them anyway";

    @Inject
    SurveyService surveys;

    @Inject
    ResultsService results;

    @Inject
    SecurityIdentity caller;

    @GET
    @Path("/results")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Results per question, overall (with the population-weighted figure) and per region, "
            + "with the weighting targets and methodology to disclose beside them")
    @APIResponse(responseCode = "200", description = "Results; public readers may see figures up to one publish interval old")
    @APIResponse(responseCode = "403", description = NOT_YET_PUBLIC)
    @APIResponse(responseCode = "404", description = "No published survey with this slug")
    public Response json(@PathParam("slug") String slug,
            @Parameter(description = "Language of the disclosure texts (uk, ru, en); default the survey's first")
            @QueryParam("lang") String lang) {
        SurveySnapshot survey = surveys.findPublic(slug);
        return withCaching(Response.ok(results.resultsFor(survey, caller, language(survey, lang)),
                MediaType.APPLICATION_JSON));
    }

    private static String language(SurveySnapshot survey, String lang) {
        return lang != null && SurveyDefinition.SUPPORTED_LANGUAGES.contains(lang) ? lang : survey.firstLanguage();
    }

    @GET
    @Path("/results.csv")
    @Produces("text/csv")
    @Operation(summary = "Results as CSV: question,region,option,count,share,ci_low,ci_high,suppressed "
            + "(same figures and publication rules as the JSON)")
    @APIResponse(responseCode = "200", description = "One row per question × region (ALL = overall) × option")
    @APIResponse(responseCode = "403", description = NOT_YET_PUBLIC)
    @APIResponse(responseCode = "404", description = "No published survey with this slug")
    public Response csv(@PathParam("slug") String slug) throws IOException {
        SurveySnapshot survey = surveys.findPublic(slug);
        ResultsView view = results.resultsFor(survey, caller);
        List<ResultsCsv.QuestionOptions> options = survey.definition().questionList().stream()
                .map(ResultsResource::optionLabels).toList();
        StringWriter out = new StringWriter();
        ResultsCsv.write(view, options, out);
        return withCaching(Response.ok(out.toString(), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-results.csv\""));
    }

    /** Current figures must not land in a shared cache, where public readers would get them. */
    private Response withCaching(Response.ResponseBuilder response) {
        if (ResultsService.seesCurrentFigures(caller)) {
            response.header("Cache-Control", "private, no-store");
        }
        return response.build();
    }

    private static ResultsCsv.QuestionOptions optionLabels(Question q) {
        if (q.questionType() == QuestionType.SCALE) {
            return new ResultsCsv.QuestionOptions(IntStream.rangeClosed(q.min(), q.max()).mapToObj(Integer::toString).toList());
        }
        if (q.questionType() == QuestionType.TEXT) {
            return new ResultsCsv.QuestionOptions(List.of(""));
        }
        return new ResultsCsv.QuestionOptions(q.optionList().stream().map(Option::key).toList());
    }
}
