package org.viche.admin;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.viche.error.ApiException;
import org.viche.quarantine.QuarantineReason;
import org.viche.quarantine.QuarantineService;
import org.viche.survey.SurveySnapshot;
import org.viche.web.Page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The review queue: held responses grouped by reason and answer pattern (an opaque key, never
 * the answers), with counts, released or rejected a group at a time through
 * {@link QuarantineService#decideGroup}, which writes one audit entry per decision with its count.
 */
@Path("/admin/surveys/{slug}/review")
@Produces(MediaType.TEXT_HTML)
public class ReviewConsoleResource {

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSurveys surveys;

    @Inject
    QuarantineService quarantine;

    /**
     * One group as the page shows it: the pattern's first characters label it, the whole key decides it;
     * {@code cause} is why it is held, as {@code {console:admin_review_reason(g.cause)}} labels it.
     */
    public record GroupRow(QuarantineReason cause, String pattern, long count, long regions, String days) {
        public String label() {
            return pattern.substring(0, 8);
        }

        static GroupRow of(QuarantineService.HeldGroup g) {
            String days = g.firstDay().equals(g.lastDay()) ? g.firstDay().toString() : g.firstDay() + " – " + g.lastDay();
            return new GroupRow(g.reason(), g.pattern(), g.count(), g.regions(), days);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Page page, Nav nav, SurveyRow survey, List<GroupRow> groups);
    }

    @GET
    @Operation(hidden = true)
    public Response queue(@PathParam("slug") String slug) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        SurveySnapshot s = surveys.get(slug);
        return pages.render(200, Templates.queue(pages.page(msg, msg.admin_review_title()), nav,
                surveys.row(s, msg.language()), quarantine.groups(s).stream().map(GroupRow::of).toList()));
    }

    /** A group decided meanwhile (another reviewer, another tab) moves nothing; the queue is shown as it now stands. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(@PathParam("slug") String slug, @FormParam("reason") String reason, @FormParam("pattern") String pattern,
            @FormParam("verdict") String verdict) {
        ConsoleMessages msg = pages.msg();
        pages.admin();
        SurveySnapshot s = surveys.get(slug);
        QuarantineService.Verdict v = "release".equals(verdict) ? QuarantineService.Verdict.RELEASE
                : "reject".equals(verdict) ? QuarantineService.Verdict.REJECT : null;
        QuarantineReason why = Arrays.stream(QuarantineReason.values()).filter(r -> r.name().equals(reason)).findFirst().orElse(null);
        if (v == null || why == null || pattern == null || pattern.isBlank()) {
            throw new ApiException(400, "Invalid request", "Choose a group and a decision.");
        }
        quarantine.decideGroup(s, why, pattern, v);
        return pages.redirect(msg, "/admin/surveys/" + slug + "/review");
    }
}
