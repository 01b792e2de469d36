package org.viche.export;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.error.ApiException;
import org.viche.error.FieldError;
import org.viche.region.RegionCatalog;
import org.viche.region.RegionScheme;
import org.viche.results.WeightingDisclosure;
import org.viche.security.CallerAttributes;
import org.viche.security.Roles;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/surveys/{slug}")
@Tag(name = "Researchers", description = "Codebook, microdata (one row per response) and a Frictionless data package")
public class ExportResource {

    @Inject
    SurveyService surveys;

    @Inject
    Codebooks codebooks;

    @Inject
    MicrodataExport microdata;

    @Inject
    RegionCatalog regions;

    @Inject
    SecurityIdentity caller;

    @GET
    @Path("/codebook")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every column of the microdata: name, type, wording in each language, codes and labels, "
            + "and how each question is spread over columns (public once the survey is open)")
    @APIResponse(responseCode = "404", description = "No published survey with this slug")
    public Codebook codebook(@PathParam("slug") String slug) {
        return codebooks.of(describable(slug));
    }

    @GET
    @Path("/responses.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
    @SecurityRequirement(name = "bearer", scopes = {Roles.ADMIN, Roles.RESEARCHER})
    @Operation(summary = "Microdata: one row per response, columns as the codebook says, streamed",
            description = "Columns response_id, region, language, channel, submitted_on (UTC date), weight "
                    + "(post-stratification weight of the respondent's region), then the question columns. Values are "
                    + "exported verbatim, never altered: text that starts with =, +, - or @ is not neutralised, so "
                    + "import into spreadsheets as text.")
    @APIResponse(responseCode = "200", description = "The CSV, streamed")
    @APIResponse(responseCode = "400", description = "text is neither true nor false")
    @APIResponse(responseCode = "401", description = "No bearer token, or not a valid one")
    @APIResponse(responseCode = "403", description = "A partner token, or text=true without an admin token")
    @APIResponse(responseCode = "404", description = "No published survey with this slug")
    public Response responses(@PathParam("slug") String slug,
            @Parameter(description = "true adds the free-text columns (admin tokens only)") @QueryParam("text") String text) {
        boolean withText = flag("text", text);
        if (withText && !CallerAttributes.isAdmin(caller)) {
            throw new ApiException(403, "Forbidden", "Free-text answers are exported only to admin tokens.");
        }
        SurveySnapshot survey = surveys.findPublic(slug);
        List<Variable> columns = codebooks.of(survey).variables().stream().filter(v -> withText || !v.isText()).toList();
        return Response.ok(microdata.csv(survey, columns), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-responses.csv\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @GET
    @Path("/datapackage.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A Frictionless Data Package describing responses.csv and results.csv, with the methodology, "
            + "weighting targets and limitations in its description")
    @APIResponse(responseCode = "404", description = "No published survey with this slug")
    public DataPackage dataPackage(@PathParam("slug") String slug, @Context UriInfo uri) {
        SurveySnapshot survey = describable(slug);
        Optional<RegionScheme> scheme = regions.scheme(survey.definition().regionScheme());
        return DataPackages.build(survey, codebooks.of(survey),
                WeightingDisclosure.of(survey.definition().regionScheme(), scheme, survey.regionCodes(), java.util.Set.of()), scheme,
                uri.getBaseUri(), OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    /** Open and closed surveys for everyone; drafts too for admins, to review before opening. */
    private SurveySnapshot describable(String slug) {
        return CallerAttributes.isAdmin(caller)
                ? surveys.find(slug).orElseThrow(() -> ApiException.notFound("No survey named '" + slug + "'."))
                : surveys.findPublic(slug);
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new ApiException(400, "Invalid request", "Query parameter '" + name + "' must be true or false.",
                List.of(new FieldError(name, "notABoolean", "must be true or false")), null);
    }
}
