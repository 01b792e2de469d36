package org.viche.quarantine;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.error.ApiException;
import org.viche.error.FieldError;
import org.viche.error.QueryParameters;
import org.viche.security.Roles;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

@Path("/api/v1/surveys/{slug}/quarantine")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
@Tag(name = "Quarantine", description = "Responses held back as suspicious bursts, until an admin releases or rejects them")
public class QuarantineResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** {@code next}: the cursor for the following page, absent on the last. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HeldPage(String survey, List<QuarantineService.Held> responses, UUID next) {
    }

    public record Decision(UUID id, String status) {
    }

    @Inject
    SurveyService surveys;

    @Inject
    QuarantineService quarantine;

    @GET
    @Operation(summary = "Responses held back, oldest first: id, region, submission time and reason",
            description = "Reasons: CLIENT_BURST (too many from one client in a window) or IDENTICAL_ANSWERS (too many "
                    + "with the same answers). Held responses are stored and sealed but not counted in results, which "
                    + "report how many are held as 'quarantined'.")
    public HeldPage list(@PathParam("slug") String slug,
            @Parameter(description = "The id of the last response of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Responses per page, 1-" + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")") @QueryParam("limit") String limit) {
        SurveySnapshot survey = survey(slug);
        int size = (int) QueryParameters.inRange("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        UUID cursor = after == null || after.isBlank() ? null : cursor(after);
        List<QuarantineService.Held> held = quarantine.list(survey, cursor, size);
        return new HeldPage(slug, held, held.size() < size ? null : held.get(held.size() - 1).id());
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "Count a held response after all (status ACCEPTED); audited")
    @APIResponse(responseCode = "404", description = "The survey has no such response")
    @APIResponse(responseCode = "409", description = "The response is not in quarantine (already decided, or never held), "
            + "or the survey is closed (held responses stay uncounted)")
    public Decision release(@PathParam("slug") String slug, @PathParam("id") String id) {
        return decide(slug, id, QuarantineService.Verdict.RELEASE);
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Never count a held response (status REJECTED; it stays stored and sealed); audited")
    @APIResponse(responseCode = "404", description = "The survey has no such response")
    @APIResponse(responseCode = "409", description = "The response is not in quarantine (already decided, or never held), "
            + "or the survey is closed (held responses stay uncounted)")
    public Decision reject(@PathParam("slug") String slug, @PathParam("id") String id) {
        return decide(slug, id, QuarantineService.Verdict.REJECT);
    }

    private Decision decide(String slug, String id, QuarantineService.Verdict verdict) {
        UUID response;
        try {
            response = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Survey '" + slug + "' has no response " + id + ".");
        }
        QuarantineService.Outcome outcome = quarantine.decide(survey(slug), response, verdict);
        if (outcome instanceof QuarantineService.Outcome.NoSuchResponse) {
            throw ApiException.notFound("Survey '" + slug + "' has no response " + id + ".");
        }
        if (outcome instanceof QuarantineService.Outcome.NotHeld held) {
            throw ApiException.conflict("Response " + response + " is " + held.status() + ", not in quarantine.");
        }
        if (outcome instanceof QuarantineService.Outcome.SurveyClosed) {
            throw ApiException.conflict("Survey '" + slug
                    + "' is closed: its final figures never change, so responses still held stay uncounted.");
        }
        return new Decision(response, verdict.status);
    }

    private SurveySnapshot survey(String slug) {
        return surveys.find(slug).orElseThrow(() -> ApiException.notFound("No survey named '" + slug + "'."));
    }

    private static UUID cursor(String after) {
        try {
            return UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "Invalid request", "Query parameter 'after' is not usable.",
                    List.of(new FieldError("after", "invalid", "must be the id of a response from the previous page")), null);
        }
    }
}
