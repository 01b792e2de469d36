package org.viche.admin;

import java.util.List;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.viche.config.VicheConfig;
import org.viche.error.ApiException;
import org.viche.error.FieldError;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveySnapshot;
import org.viche.web.FormPage;
import org.viche.web.FormPageBuilder;
import org.viche.web.Page;
import org.viche.web.PageTexts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Surveys in the console: the list, a new one from JSON or the demo, open, close, export, preview. */
@Path("/admin/surveys")
@Produces(MediaType.TEXT_HTML)
public class SurveysConsoleResource {

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSurveys surveys;

    @Inject
    FormPageBuilder forms;

    @Inject
    VicheConfig limits;

    /** One language link of the preview: the citizen form as a reader of that language sees it. */
    public record PreviewLanguage(String code, String href, boolean current) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, Nav nav, List<SurveyRow> surveys);

        static native TemplateInstance edit(Page page, Nav nav, SurveyRow survey, String definition,
                List<FieldError> errors, long fileLimitKb);

        static native TemplateInstance detail(Page page, Nav nav, SurveyRow survey, boolean tokenAccess);

        static native TemplateInstance confirm(Page page, Nav nav, SurveyRow survey, String action, Confirmation confirm,
                String error);

        static native TemplateInstance preview(Page page, Nav nav, SurveyRow survey, String shown, String frame,
                List<PreviewLanguage> languages);

        static native TemplateInstance previewForm(FormPage preview);
    }

    @GET
    @Operation(hidden = true)
    public Response list() {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        return pages.render(200, Templates.list(pages.page(msg, msg.admin_surveys_title()), nav,
                surveys.rows(msg.language())));
    }

    @GET
    @Path("/new")
    @Operation(hidden = true)
    public Response newSurvey(@QueryParam("from") String from) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        return edit(msg, nav, 200, null, "demo".equals(from) ? surveys.demoTemplate() : "", List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("definition") String definition) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        return saved(msg, nav, null, definition, surveys.create(definition));
    }

    /**
     * The create page's form, sent as multipart when it may carry a file: a chosen file wins over
     * the pasted text and goes through the same service and validator. CSRF is checked on
     * multipart forms as on URL-encoded ones (quarkus-rest-csrf reads the token field of both).
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response upload(@RestForm("definition") String definition, @RestForm(DefinitionUpload.FIELD) FileUpload file) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        return uploaded(msg, nav, null, definition, file, surveys::create);
    }

    @GET
    @Path("/{slug}")
    @Operation(hidden = true)
    public Response detail(@PathParam("slug") String slug) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        SurveySnapshot s = surveys.get(slug);
        SurveyRow row = surveys.row(s, msg.language());
        return pages.render(200, Templates.detail(pages.page(msg, row.title()), nav, row,
                s.definition().accessMode() == SurveyDefinition.AccessMode.TOKEN));
    }

    @GET
    @Path("/{slug}/edit")
    @Operation(hidden = true)
    public Response editPage(@PathParam("slug") String slug) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        SurveySnapshot s = surveys.get(slug);
        return edit(msg, nav, 200, surveys.row(s, msg.language()), surveys.export(s), List.of());
    }

    @POST
    @Path("/{slug}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response edit(@PathParam("slug") String slug, @FormParam("definition") String definition) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        SurveyRow row = surveys.row(surveys.get(slug), msg.language());
        return saved(msg, nav, row, definition, surveys.replace(slug, definition));
    }

    /** The edit page's form with a file, as on the create page: a chosen file replaces the draft's definition. */
    @POST
    @Path("/{slug}/edit")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response editUpload(@PathParam("slug") String slug, @RestForm("definition") String definition,
            @RestForm(DefinitionUpload.FIELD) FileUpload file) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        SurveyRow row = surveys.row(surveys.get(slug), msg.language());
        return uploaded(msg, nav, row, definition, file, text -> surveys.replace(slug, text));
    }

    /** A file that cannot be read is shown back with the pasted text kept; else the file, or the text, is saved. */
    private Response uploaded(ConsoleMessages msg, Nav nav, SurveyRow existing, String definition, FileUpload file,
            Function<String, ConsoleSurveys.Outcome> save) {
        DefinitionUpload.Read read = DefinitionUpload.read(file, limits.limits().apiBodyBytes());
        if (read.problem() != null) {
            return edit(msg, nav, 422, existing, definition == null ? "" : definition, List.of(read.problem()));
        }
        String text = read.chosen() ? read.text() : definition;
        return saved(msg, nav, existing, text, save.apply(text));
    }

    /** A stored definition leads to its survey; a refused one comes back in the editor with its problems. */
    private Response saved(ConsoleMessages msg, Nav nav, SurveyRow existing, String definition, ConsoleSurveys.Outcome outcome) {
        if (outcome.ok()) {
            return pages.redirect(msg, "/admin/surveys/" + outcome.survey().slug());
        }
        return edit(msg, nav, 422, existing, definition, outcome.errors());
    }

    private Response edit(ConsoleMessages msg, Nav nav, int status, SurveyRow existing, String definition, List<FieldError> errors) {
        String title = existing == null ? msg.admin_new_title() : msg.admin_edit_title();
        return pages.render(status, Templates.edit(pages.page(msg, title, !errors.isEmpty()),
                nav, existing, definition, ConsoleErrors.in(msg, errors), limits.limits().apiBodyBytes() / 1024));
    }

    /** Open and close ask first, saying what becomes fixed; the POST does it. */
    @GET
    @Path("/{slug}/{action:open|close}")
    @Operation(hidden = true)
    public Response confirm(@PathParam("slug") String slug, @PathParam("action") String action) {
        ConsoleMessages msg = pages.msg();
        return confirmPage(msg, pages.nav(msg, pages.admin(), "surveys"), slug, action, 200, null);
    }

    @POST
    @Path("/{slug}/{action:open|close}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response openOrClose(@PathParam("slug") String slug, @PathParam("action") String action) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        try {
            if (action.equals("open")) {
                surveys.open(slug);
            } else {
                surveys.close(slug);
            }
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            // Opened or closed meanwhile (another tab, the API): say why, in the console's language.
            return confirmPage(msg, nav, slug, action, e.status(), ConsoleErrors.in(msg, e.problems()).get(0).message());
        }
        return pages.redirect(msg, "/admin/surveys/" + slug);
    }

    private Response confirmPage(ConsoleMessages msg, Nav nav, String slug, String action, int status, String error) {
        SurveyRow row = surveys.row(surveys.get(slug), msg.language());
        Confirmation confirm = Confirmation.of(action, msg);
        return pages.render(status, Templates.confirm(pages.page(msg, confirm.title(), error != null), nav, row, action,
                confirm, error));
    }

    @GET
    @Path("/{slug}/definition.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response definition(@PathParam("slug") String slug) {
        pages.admin();
        return Response.ok(surveys.export(surveys.get(slug)), "application/json;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + slug + ".json\"")
                .header("Cache-Control", "no-store").build();
    }

    /** The real citizen form (the same builder and question tags), in any of the survey's languages, sending nowhere. */
    @GET
    @Path("/{slug}/preview")
    @Operation(hidden = true)
    public Response preview(@PathParam("slug") String slug, @QueryParam("in") String in) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        SurveySnapshot s = surveys.get(slug);
        List<String> offered = s.definition().effectiveLanguages().stream()
                .filter(SurveyDefinition.SUPPORTED_LANGUAGES::contains).distinct().toList();
        String shown = in != null && offered.contains(in) ? in : offered.isEmpty() ? msg.language() : offered.get(0);
        List<PreviewLanguage> languages = offered.stream()
                .map(code -> new PreviewLanguage(code, nav.href("/admin/surveys/" + slug + "/preview?in=" + code), code.equals(shown)))
                .toList();
        // The form speaks the previewed language, the console around it the reader's.
        String frame = PageTexts.in(shown, Templates.previewForm(forms.blank(s, PageTexts.of(shown)))).render();
        return pages.render(200, Templates.preview(pages.page(msg, msg.admin_preview_title()), nav,
                surveys.row(s, msg.language()), shown, frame, languages));
    }
}
