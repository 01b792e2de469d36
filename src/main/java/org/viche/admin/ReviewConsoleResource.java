package org.viche.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import org.viche.quarantine.QuarantineService;
import org.viche.survey.SurveySnapshot;
import org.viche.web.Page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The review queue: held responses as groups with counts, released or rejected a group at a
 * time through {@link QuarantineService#decide}, which audits every single decision.
 */
@Path("/admin/surveys/{slug}/review")
@Produces(MediaType.TEXT_HTML)
public class ReviewConsoleResource {

    static final int PAGE = 1000;

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSurveys surveys;

    @Inject
    QuarantineService quarantine;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Page page, Nav nav, SurveyRow survey, List<HeldGroups.Group> groups);
    }

    @GET
    @Operation(hidden = true)
    public Response queue(@PathParam("slug") String slug) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        SurveySnapshot s = surveys.get(slug);
        return pages.render(200, Templates.queue(pages.page(msg, msg.admin_review_title()), nav,
                surveys.row(s, msg.language()), HeldGroups.of(allHeld(s))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(@PathParam("slug") String slug, @FormParam("group") String group, @FormParam("verdict") String verdict) {
        ConsoleMessages msg = pages.msg();
        pages.admin();
        SurveySnapshot s = surveys.get(slug);
        QuarantineService.Verdict v = "release".equals(verdict) ? QuarantineService.Verdict.RELEASE
                : "reject".equals(verdict) ? QuarantineService.Verdict.REJECT : null;
        if (v == null || group == null) {
            throw new ApiException(400, "Invalid request", "Choose a group and a decision.");
        }
        for (UUID id : HeldGroups.members(allHeld(s), group)) {
            try {
                quarantine.decide(s, id, v);
            } catch (ApiException e) {
                // Decided meanwhile (another reviewer, another tab): nothing left to do for this one.
                if (e.status() != 409) {
                    throw e;
                }
            }
        }
        return pages.redirect(msg, "/admin/surveys/" + slug + "/review");
    }

    private List<QuarantineService.Held> allHeld(SurveySnapshot s) {
        List<QuarantineService.Held> all = new ArrayList<>();
        List<QuarantineService.Held> page = quarantine.list(s, null, PAGE);
        while (!page.isEmpty()) {
            all.addAll(page);
            page = page.size() < PAGE ? List.of() : quarantine.list(s, page.get(page.size() - 1).id(), PAGE);
        }
        return all;
    }
}
