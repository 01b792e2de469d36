package org.viche.security;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.error.ApiException;

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
@Tag(name = "Tokens", description = "Bearer tokens for admins, researchers and partner sites")
public class TokenResource {

    public record TokenRequest(String name, String role, List<String> surveys, OffsetDateTime expiresAt) {
    }

    public record IssuedToken(UUID id, String name, String role, List<String> surveys, OffsetDateTime expiresAt,
            String token) {
    }

    public record TokenView(UUID id, String name, String role, List<String> surveys, OffsetDateTime expiresAt,
            OffsetDateTime createdAt, OffsetDateTime revokedAt,
            @Schema(description = "When the token was last presented, to within five minutes; null if never") OffsetDateTime lastUsedAt) {

        static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.name, t.role, List.of(t.surveys), t.expiresAt, t.createdAt, t.revokedAt, t.lastUsedAt);
        }
    }

    @Inject
    TokenService tokens;

    @POST
    @Operation(summary = "Issue a token; the secret is in this answer only")
    public Response issue(@NotNull @Valid TokenRequest request) {
        TokenService.Issued issued = tokens.issue(
                new TokenService.IssueRequest(request.name(), request.role(), request.surveys(), request.expiresAt()));
        ApiToken t = issued.token();
        return Response.created(URI.create("/api/v1/tokens/" + t.id))
                .entity(new IssuedToken(t.id, t.name, t.role, List.of(t.surveys), t.expiresAt, issued.secret()))
                .build();
    }

    @GET
    @Operation(summary = "List tokens (never their secrets)")
    public List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a token; it stops working on the next request")
    public TokenView revoke(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No token with id " + id + ".");
        }
        return TokenView.of(tokens.revoke(uuid));
    }
}
