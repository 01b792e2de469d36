package org.viche.admin;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.viche.web.Page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The researcher's start page: every survey that has opened, each linking to its results. */
@Path("/admin/results")
@Produces(MediaType.TEXT_HTML)
public class ResultsIndexConsoleResource {

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSurveys surveys;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Page page, Nav nav, List<SurveyRow> surveys);
    }

    @GET
    @Operation(hidden = true)
    public Response index() {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.signedIn(), "results");
        List<SurveyRow> rows = surveys.rows(msg.language()).stream().filter(r -> !r.draft()).toList();
        return pages.render(200, Templates.index(pages.page(msg, msg.admin_results_title()), nav, rows));
    }
}
