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
        /** The action as {@code {console:admin_audit_action(e.kind)}} labels it. */
        public AuditAction kind() {
            return AuditAction.valueOf(action);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(Page page, Nav nav, Filter filter, List<AuditAction> actions,
                List<Row> entries, boolean badDay, int limit);
    }

    @GET
    @Operation(hidden = true)
    public Response log(@QueryParam("action") String action, @QueryParam("actor") String actor, @QueryParam("day") String day) {
        ConsoleMessages msg = pages.msg();
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
        List<AuditAction> actions = List.of(AuditAction.values());
        return pages.render(badDay ? 422 : 200, Templates.log(pages.page(msg, msg.admin_audit_title()), nav,
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
