package org.viche.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.viche.audit.AuditAction;
import org.viche.audit.AuditLog;
import org.viche.web.Messages;
import org.viche.web.Page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audit log, newest first, filtered by action, actor (token name) and day. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditConsoleResource {

    static final int LIMIT = 200;

    @Inject
    ConsolePages pages;

    @Inject
    AuditLog audit;

    public record Filter(String action, String actor, String day) {
    }

    public record Row(String at, String actor, String action, String subject, String details) {
        public String actionKey() {
            return "admin.audit.action." + action;
        }
    }

    public record ActionOption(String name, String key) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(Page page, Messages msg, Nav nav, Filter filter, List<ActionOption> actions,
                List<Row> entries, boolean badDay, int limit);
    }

    @GET
    @Operation(hidden = true)
    public Response log(@QueryParam("action") String action, @QueryParam("actor") String actor, @QueryParam("day") String day) {
        Messages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "audit");
        AuditAction chosen = Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(action)).findFirst().orElse(null);
        LocalDate date = null;
        boolean badDay = false;
        if (day != null && !day.isBlank()) {
            try {
                date = LocalDate.parse(day.trim());
            } catch (DateTimeParseException e) {
                badDay = true;
            }
        }
        List<Row> rows = audit.search(chosen, actor,
                date == null ? null : date.atStartOfDay().atOffset(ZoneOffset.UTC),
                date == null ? null : date.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), LIMIT)
                .stream().map(AuditConsoleResource::row).toList();
        List<ActionOption> actions = Arrays.stream(AuditAction.values())
                .map(a -> new ActionOption(a.name(), "admin.audit.action." + a.name())).toList();
        return pages.render(badDay ? 422 : 200, Templates.log(pages.page(msg, msg.get("admin.audit.title")), msg, nav,
                new Filter(chosen == null ? "" : chosen.name(), actor == null ? "" : actor, day == null ? "" : day),
                actions, rows, badDay, LIMIT));
    }

    private static Row row(AuditLog.Event e) {
        String details = e.details() == null ? "" : e.details().entrySet().stream()
                .map((Map.Entry<String, Object> d) -> d.getKey() + "=" + d.getValue()).collect(Collectors.joining(", "));
        return new Row(SurveyRow.when(e.at()), e.actor() == null ? "" : e.actor().name(), e.action().name(),
                e.subject() == null ? "" : e.subject(), details);
    }
}
