package org.viche.admin;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.viche.web.Page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The structured editor: one form for every field of a definition, with "add question" and
 * "add option" buttons that re-render it (no script needed). Saving goes through the same service
 * and validator as the API; a refused definition comes back with each error beside its input.
 */
@Path("/admin/builder")
@Produces(MediaType.TEXT_HTML)
public class BuilderConsoleResource {

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSurveys surveys;

    @Inject
    ObjectMapper json;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance build(Page page, Nav nav, EditorView editor);
    }

    @GET
    @Operation(hidden = true)
    public Response blank() {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        ObjectNode d = json.createObjectNode();
        d.putArray("languages").add("uk").add("ru").add("en");
        d.putArray("questions").addObject().put("type", "SINGLE_CHOICE").putArray("options").addObject().put("key", "");
        return page(msg, nav, 200, EditorView.of("", d, List.of()));
    }

    @GET
    @Path("/{slug}")
    @Operation(hidden = true)
    public Response existing(@PathParam("slug") String slug) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        ObjectNode d = (ObjectNode) json.valueToTree(surveys.get(slug).definition());
        return page(msg, nav, 200, EditorView.of(slug, d, List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(MultivaluedMap<String, String> form) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "surveys");
        String existing = form.getFirst("existing") == null ? "" : form.getFirst("existing");
        String action = form.getFirst("action") == null ? "save" : form.getFirst("action");
        if (!action.equals("save")) {
            ObjectNode d = DefinitionForm.read(form, true);
            edit(d, action, form.getFirst("newType"));
            return page(msg, nav, 200, EditorView.of(existing, d, List.of()));
        }
        ObjectNode d = DefinitionForm.read(form);
        String text;
        try {
            text = json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree built from a form always serialises", e);
        }
        ConsoleSurveys.Outcome outcome = existing.isEmpty() ? surveys.create(text) : surveys.replace(existing, text);
        if (outcome.ok()) {
            return pages.redirect(msg, "/admin/surveys/" + outcome.survey().slug());
        }
        return page(msg, nav, 422, EditorView.of(existing, d, ConsoleErrors.in(msg, outcome.errors())));
    }

    /** addQuestion, addOption:i, removeQuestion:i, removeOption:i:j — the buttons of the form. */
    private static void edit(ObjectNode d, String action, String newType) {
        String[] parts = action.split(":");
        ArrayNode questions = d.has("questions") && d.get("questions").isArray() ? (ArrayNode) d.get("questions") : d.putArray("questions");
        try {
            switch (parts[0]) {
                case "addQuestion" -> {
                    ObjectNode q = questions.addObject().put("type", newType == null ? "SINGLE_CHOICE" : newType);
                    if (!"SCALE".equals(newType) && !"TEXT".equals(newType)) {
                        q.putArray("options").addObject().put("key", "");
                    }
                }
                case "removeQuestion" -> questions.remove(Integer.parseInt(parts[1]));
                case "addOption" -> {
                    ObjectNode q = (ObjectNode) questions.get(Integer.parseInt(parts[1]));
                    (q.has("options") ? (ArrayNode) q.get("options") : q.putArray("options")).addObject().put("key", "");
                }
                case "removeOption" -> ((ArrayNode) questions.get(Integer.parseInt(parts[1])).get("options"))
                        .remove(Integer.parseInt(parts[2]));
                default -> {
                }
            }
        } catch (RuntimeException e) {
            // A stale or hand-made button value: the form is shown again unchanged.
        }
    }

    private Response page(ConsoleMessages msg, Nav nav, int status, EditorView editor) {
        return pages.render(status, Templates.build(pages.page(msg, msg.admin_builder_title(), editor.hasErrors()), nav, editor));
    }

}
