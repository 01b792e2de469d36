package org.viche.response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.error.ApiException;
import org.viche.error.FieldError;
import org.viche.security.CallerAttributes;
import org.viche.security.Roles;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/surveys/{slug}/responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Responses", description = "Submitting answers (anonymous clients and partner sites)")
public class ResponseResource {

    /** Scope of idempotency keys sent without a partner token. */
    static final String PUBLIC_SCOPE = "public";

    @Inject
    SurveyService surveys;

    @Inject
    ResponseService responses;

    @Inject
    SecurityIdentity caller;

    @POST
    @Operation(summary = "Submit one response; 201 means it is committed")
    @APIResponse(responseCode = "201", description = "Stored; the receipt lets the respondent verify it was counted")
    @APIResponse(responseCode = "422", description = "Invalid answers, region or language; nothing stored")
    public Response submit(@PathParam("slug") String slug,
            @Parameter(description = "A retry with the same key and body returns the first result and stores nothing new")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull SubmissionRequest request) {
        SurveySnapshot survey = surveys.findPublic(slug);
        ResponseService.Accepted accepted = responses.submit(survey, request, origin(survey, idempotencyKey));
        return Response.created(URI.create("/api/v1/receipts/" + accepted.receipt().receipt()))
                .header("Idempotent-Replayed", accepted.replayed() ? "true" : null)
                .entity(accepted.receipt()).build();
    }

    private ResponseService.Origin origin(SurveySnapshot survey, String idempotencyKey) {
        UUID partnerId = null;
        if (!caller.isAnonymous()) {
            if (caller.hasRole(Roles.PARTNER)) {
                if (!CallerAttributes.surveys(caller).contains(survey.slug())) {
                    throw new ApiException(403, "Forbidden", "This partner token may not submit to survey '" + survey.slug() + "'.");
                }
                partnerId = CallerAttributes.tokenId(caller).orElseThrow();
            } else if (!caller.hasRole(Roles.ADMIN)) {
                throw new ApiException(403, "Forbidden", "Only partner and admin tokens submit responses; researchers read them.");
            }
        }
        IdempotencyKey key = null;
        if (idempotencyKey != null) {
            if (!IdempotencyKey.isWellFormed(idempotencyKey)) {
                throw new ApiException(400, "Invalid request", "The Idempotency-Key header is not usable.",
                        List.of(new FieldError("Idempotency-Key", "invalid",
                                "must be 1 to " + IdempotencyKey.MAX_LENGTH + " printable ASCII characters")), null);
            }
            String scope = caller.isAnonymous() ? PUBLIC_SCOPE : CallerAttributes.tokenId(caller).orElseThrow().toString();
            key = new IdempotencyKey(scope, idempotencyKey);
        }
        return new ResponseService.Origin(Channel.API, partnerId, key);
    }
}
