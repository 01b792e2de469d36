package org.viche.admin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
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
import org.viche.error.FieldError;
import org.viche.security.ApiToken;
import org.viche.security.TokenService;
import org.viche.web.Page;
import org.viche.web.Times;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Tokens: issue one (its secret is on the answer page only, never stored or shown again), list
 * them with role, scope and dates, revoke one. Every action goes through {@link TokenService},
 * which checks the request and writes the audit log.
 */
@Path("/admin/tokens")
@Produces(MediaType.TEXT_HTML)
public class TokensConsoleResource {

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSurveys surveys;

    @Inject
    TokenService tokens;

    /** {@code lastUsed}: in words, in the console's language (to within five minutes); empty if never used. */
    public record TokenRow(String id, String name, String role, List<String> surveys, String created, String expires,
            String revoked, String lastUsed) {

        static TokenRow of(ApiToken t, ConsoleMessages msg) {
            return new TokenRow(t.id.toString(), t.name, t.role, List.of(t.surveys), SurveyRow.when(t.createdAt),
                    SurveyRow.when(t.expiresAt), SurveyRow.when(t.revokedAt),
                    t.lastUsedAt == null ? "" : Times.inWords(t.lastUsedAt, Locale.forLanguageTag(msg.language())));
        }

        public ConsoleRole consoleRole() {
            return ConsoleRole.of(role);
        }
    }

    /** What the issue form holds, kept when it is shown again with its problems. */
    public record Draft(String name, String role, List<String> surveys, String expires) {
        public boolean scoped(String slug) {
            return surveys.contains(slug);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, Nav nav, List<TokenRow> tokens, List<SurveyRow> surveys,
                Draft draft, List<FieldError> errors);

        static native TemplateInstance issued(Page page, Nav nav, TokenRow token, String secret);
    }

    @GET
    @Operation(hidden = true)
    public Response list() {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "tokens");
        return listPage(msg, nav, 200, new Draft("", "partner", List.of(), ""), List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response issue(@FormParam("name") String name, @FormParam("role") String role,
            @FormParam("surveys") List<String> scope, @FormParam("expires") String expires) {
        ConsoleMessages msg = pages.msg();
        Nav nav = pages.nav(msg, pages.admin(), "tokens");
        Draft draft = new Draft(name, role, scope == null ? List.of() : scope, expires);
        OffsetDateTime expiresAt;
        try {
            expiresAt = expires == null || expires.isBlank() ? null
                    : LocalDate.parse(expires.trim()).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return listPage(msg, nav, 422, draft, List.of(ConsoleErrors.own("expiresAt", "notADate", "is not a date")));
        }
        TokenService.Issued issued;
        try {
            issued = tokens.issue(new TokenService.IssueRequest(name, role, draft.surveys(), expiresAt));
        } catch (ApiException e) {
            return listPage(msg, nav, 422, draft, e.problems());
        }
        return pages.render(201, Templates.issued(pages.page(msg, msg.admin_tokens_issued_title()), nav,
                TokenRow.of(issued.token(), msg), issued.secret()));
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") String id) {
        ConsoleMessages msg = pages.msg();
        pages.admin();
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No token with id " + id + ".");
        }
        tokens.revoke(uuid);
        return pages.redirect(msg, "/admin/tokens");
    }

    private Response listPage(ConsoleMessages msg, Nav nav, int status, Draft draft, List<FieldError> errors) {
        return pages.render(status, Templates.list(pages.page(msg, msg.admin_tokens_title(), !errors.isEmpty()), nav,
                tokens.list().stream().map(t -> TokenRow.of(t, msg)).toList(), surveys.rows(msg.language()), draft,
                ConsoleErrors.in(msg, errors)));
    }
}
