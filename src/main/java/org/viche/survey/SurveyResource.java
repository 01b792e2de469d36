package org.viche.survey;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.error.ApiException;
import org.viche.security.CallerAttributes;
import org.viche.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys", description = "Authoring and lifecycle: DRAFT → OPEN → CLOSED")
public class SurveyResource {

    @Inject
    SurveyService surveys;

    @Inject
    SecurityIdentity caller;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
    @Operation(summary = "Create a DRAFT survey from a definition; every problem is reported at once")
    public Response create(@NotNull SurveyDefinition definition) {
        SurveySnapshot created = surveys.create(definition, false);
        return Response.created(URI.create("/api/v1/surveys/" + created.slug())).entity(SurveyView.of(created)).build();
    }

    @GET
    @Operation(summary = "Open surveys (an admin sees every survey)")
    public List<SurveyView> list() {
        List<SurveySnapshot> list = CallerAttributes.isAdmin(caller) ? surveys.listAll() : surveys.listOpen();
        return list.stream().map(SurveyView::of).toList();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "A survey's definition (drafts only for admins)")
    public SurveyView get(@PathParam("slug") String slug) {
        SurveySnapshot survey = CallerAttributes.isAdmin(caller)
                ? surveys.find(slug).orElseThrow(() -> ApiException.notFound("No survey named '" + slug + "'."))
                : surveys.findPublic(slug);
        return SurveyView.of(survey);
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
    @Operation(summary = "Replace a DRAFT survey's definition (409 once open)")
    public SurveyView replace(@PathParam("slug") String slug, @NotNull SurveyDefinition definition) {
        return SurveyView.of(surveys.replace(slug, definition));
    }

    @POST
    @Path("/{slug}/open")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
    @Operation(summary = "Open a DRAFT survey for responses; its structure is frozen from now on")
    public SurveyView open(@PathParam("slug") String slug) {
        return SurveyView.of(surveys.open(slug));
    }

    @POST
    @Path("/{slug}/close")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
    @Operation(summary = "Close an OPEN survey; no further responses are accepted")
    public SurveyView close(@PathParam("slug") String slug) {
        return SurveyView.of(surveys.close(slug));
    }
}
