package org.viche.results;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.QuestionType;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

@Path("/api/v1/surveys/{slug}")
@Tag(name = "Results", description = "Aggregated results by region, with Wilson intervals and small-cell suppression")
public class ResultsResource {

    @Inject
    SurveyService surveys;

    @Inject
    ResultsService results;

    @GET
    @Path("/results")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Results per question, overall (with the population-weighted figure) and per region")
    public ResultsView json(@PathParam("slug") String slug) {
        return results.results(surveys.findPublic(slug));
    }

    @GET
    @Path("/results.csv")
    @Produces("text/csv")
    @Operation(summary = "Results as CSV: question,region,option,count,share,ci_low,ci_high,suppressed")
    public Response csv(@PathParam("slug") String slug) throws IOException {
        SurveySnapshot survey = surveys.findPublic(slug);
        ResultsView view = results.results(survey);
        List<ResultsCsv.QuestionOptions> options = survey.definition().questionList().stream()
                .map(ResultsResource::optionLabels).toList();
        StringWriter out = new StringWriter();
        ResultsCsv.write(view, options, out);
        return Response.ok(out.toString(), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-results.csv\"").build();
    }

    private static ResultsCsv.QuestionOptions optionLabels(Question q) {
        if (q.questionType() == QuestionType.SCALE) {
            return new ResultsCsv.QuestionOptions(
                    java.util.stream.IntStream.rangeClosed(q.min(), q.max()).mapToObj(Integer::toString).toList());
        }
        if (q.questionType() == QuestionType.TEXT) {
            return new ResultsCsv.QuestionOptions(List.of(""));
        }
        return new ResultsCsv.QuestionOptions(q.optionList().stream().map(Option::key).toList());
    }
}
