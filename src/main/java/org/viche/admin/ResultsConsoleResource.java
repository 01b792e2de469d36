package org.viche.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.viche.error.ApiException;
import org.viche.export.ExportResource;
import org.viche.receipt.LedgerResource;
import org.viche.results.ResultsResource;
import org.viche.results.ResultsService;
import org.viche.results.ResultsView;
import org.viche.results.SourceResultsResource;
import org.viche.survey.SurveySnapshot;
import org.viche.survey.SurveyStatus;
import org.viche.web.Page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Results for admins and researchers: the current exact figures beside the public (published)
 * view, and every download. Downloads are the API's own endpoints called in-process with the
 * session's identity, so they are byte for byte what a bearer token gets.
 */
@Path("/admin/surveys/{slug}")
@Produces(MediaType.TEXT_HTML)
public class ResultsConsoleResource {

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSurveys surveys;

    @Inject
    ResultsService results;

    @Inject
    ResultsResource resultsApi;

    @Inject
    ExportResource exportApi;

    @Inject
    LedgerResource ledgerApi;

    @Inject
    SourceResultsResource sourcesApi;

    /** One option of one question, overall: the current count and share, and the published ones. */
    public record Line(String question, String option, String currentCount, String currentShare, String publicCount,
            String publicShare) {
    }

    /** The files a signed-in reader can download; each is labelled by {@code {console:admin_results_download(d)}}. */
    public enum Download {
        RESULTS("results.csv"), RESPONSES("responses.csv"), BY_SOURCE("by-source.json"), CODEBOOK("codebook.json"),
        DATA_PACKAGE("datapackage.json"), LEDGER("ledger.csv");

        private final String file;

        Download(String file) {
            this.file = file;
        }

        public String file() {
            return file;
        }
    }

    static final List<Download> DOWNLOADS = List.of(Download.values());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(Page page, Nav nav, SurveyRow survey, ResultsView current,
                ResultsView published, List<Line> lines, List<Download> downloads);
    }

    @GET
    @Path("/results")
    @Operation(hidden = true)
    public Response results(@PathParam("slug") String slug) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.signedIn(), "results");
        SurveySnapshot s = published(slug);
        ResultsView current = results.currentResults(s);
        ResultsView published = publicView(s).orElse(null);
        return pages.render(200, Templates.results(pages.page(msg, msg.admin_results_title()), nav,
                surveys.row(s, msg.language()), current, published, lines(current, published, Locale.forLanguageTag(msg.language())), DOWNLOADS));
    }

    @GET
    @Path("/download/{file}")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(hidden = true)
    public Response download(@PathParam("slug") String slug, @PathParam("file") String file, @Context UriInfo uri)
            throws IOException {
        pages.signedIn();
        published(slug);
        Response response = switch (file) {
            case "results.csv" -> resultsApi.csv(slug);
            case "responses.csv" -> exportApi.responses(slug, null);
            case "ledger.csv" -> ledgerApi.ledger(slug);
            case "by-source.json" -> json(sourcesApi.bySource(slug));
            case "codebook.json" -> json(exportApi.codebook(slug));
            case "datapackage.json" -> json(exportApi.dataPackage(slug, uri));
            default -> throw ApiException.notFound("No download named '" + file + "'.");
        };
        return Response.fromResponse(response)
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-" + file + "\"")
                .header("Cache-Control", "private, no-store").build();
    }

    private static Response json(Object entity) {
        return Response.ok(entity, MediaType.APPLICATION_JSON).build();
    }

    /** Results exist once a survey has opened; a draft has none to show. */
    private SurveySnapshot published(String slug) {
        SurveySnapshot s = surveys.get(slug);
        if (s.status() == SurveyStatus.DRAFT) {
            throw ApiException.notFound("Survey '" + slug + "' is a draft.");
        }
        return s;
    }

    /** The published view, or none while an AFTER_CLOSE survey is still open. */
    private Optional<ResultsView> publicView(SurveySnapshot s) {
        try {
            return Optional.of(results.publicResults(s));
        } catch (ApiException e) {
            if (e.status() != 403) {
                throw e;
            }
            return Optional.empty();
        }
    }

    static List<Line> lines(ResultsView current, ResultsView published, Locale locale) {
        Map<String, ResultsView.QuestionResults> publishedByKey = published == null ? Map.of()
                : published.questions().stream().collect(Collectors.toMap(ResultsView.QuestionResults::key, Function.identity()));
        List<Line> lines = new ArrayList<>();
        for (ResultsView.QuestionResults q : current.questions()) {
            if (q.overall() == null || q.overall().options() == null) {
                continue;
            }
            ResultsView.QuestionResults p = publishedByKey.get(q.key());
            for (ResultsView.OptionResult o : q.overall().options()) {
                Optional<ResultsView.OptionResult> po = p == null || p.overall() == null || p.overall().options() == null
                        ? Optional.empty()
                        : p.overall().options().stream().filter(x -> x.key().equals(o.key())).findFirst();
                lines.add(new Line(q.key(), o.key(), count(o.count()), share(o.share(), locale),
                        po.map(x -> count(x.count())).orElse("—"), po.map(x -> share(x.share(), locale)).orElse("—")));
            }
        }
        return lines;
    }

    private static String count(Long n) {
        return n == null ? "—" : n.toString();
    }

    private static String share(Double share, Locale locale) {
        return share == null ? "—" : String.format(locale, "%.1f%%", share * 100);
    }
}
