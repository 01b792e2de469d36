package org.viche.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.error.QueryParameters;
import org.viche.security.Roles;

import com.fasterxml.jackson.annotation.JsonInclude;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Append-only log of admin actions: surveys, tokens, invitations, quarantine")
public class AuditResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** {@code next} is the cursor for the following page: absent when this page was the last. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditPage(List<AuditLog.Event> events, Long next) {
    }

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
    @Operation(summary = "Admin actions, oldest first, paged by id",
            description = "Each entry names the acting token (id and name), the action, its subject and details. "
                    + "Pass the page's 'next' as 'after' to read on; the log cannot be changed or deleted.")
    public AuditPage list(
            @Parameter(description = "Return entries with a greater id (default 0: from the start)") @QueryParam("after") String after,
            @Parameter(description = "Entries per page, 1-" + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")") @QueryParam("limit") String limit) {
        long afterId = QueryParameters.inRange("after", after, 0, 0, Long.MAX_VALUE);
        int size = (int) QueryParameters.inRange("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<AuditLog.Event> events = audit.page(afterId, size);
        Long next = events.size() < size ? null : events.get(events.size() - 1).id();
        return new AuditPage(events, next);
    }
}
