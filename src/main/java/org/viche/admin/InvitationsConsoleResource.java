package org.viche.admin;

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
import org.viche.invitation.InvitationResource;
import org.viche.invitation.InvitationService;
import org.viche.web.Page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Invitation codes for a TOKEN survey, as a CSV file or as a sheet to print and cut into slips
 * for door-to-door or booth use. Codes exist only in this one answer (the service keeps hashes).
 */
@Path("/admin/surveys/{slug}/invitations")
@Produces(MediaType.TEXT_HTML)
public class InvitationsConsoleResource {

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSurveys surveys;

    @Inject
    InvitationService invitations;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page page, Nav nav, SurveyRow survey, String count, String error,
                int max);

        static native TemplateInstance sheet(Page page, Nav nav, SurveyRow survey, List<String> codes,
                String address);
    }

    @GET
    @Operation(hidden = true)
    public Response form(@PathParam("slug") String slug) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        return formPage(msg, nav, slug, 200, "100", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response generate(@PathParam("slug") String slug, @FormParam("count") String count,
            @FormParam("format") String format) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        List<String> codes;
        try {
            codes = invitations.generate(slug, parse(count));
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            return formPage(msg, nav, slug, e.status(), count, ConsoleErrors.in(msg, e.problems()).get(0).message());
        }
        if ("csv".equals(format)) {
            return Response.ok(InvitationResource.csv(codes), "text/csv;charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + slug + "-invitations.csv\"")
                    .header("Cache-Control", "no-store").build();
        }
        SurveyRow row = surveys.row(surveys.get(slug), msg.language());
        return pages.render(200, Templates.sheet(pages.page(msg, msg.admin_codes_sheet_title()), nav, row, codes,
                pages.siteAddress() + "/s/" + slug));
    }

    private Response formPage(ConsoleMessages msg, Nav nav, String slug, int status, String count, String error) {
        SurveyRow row = surveys.row(surveys.get(slug), msg.language());
        return pages.render(status, Templates.form(pages.page(msg, msg.admin_codes_title(), error != null), nav, row, count, error,
                InvitationService.MAX_PER_REQUEST));
    }

    private static Integer parse(String count) {
        try {
            return count == null ? null : Integer.valueOf(count.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
