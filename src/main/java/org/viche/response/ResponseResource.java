package org.viche.response;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.error.ApiException;
import org.viche.error.FieldError;
import org.viche.error.Problem;
import org.viche.ratelimit.SubmissionLimits;
import org.viche.security.CallerAttributes;
import org.viche.security.Roles;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1/surveys/{slug}/responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Responses", description = "Submitting answers: anonymous clients, partner sites (channel API) and batches")
public class ResponseResource {

    static final int MAX_BATCH = 1000;

    static final String SINGLE_EXAMPLE = """
            {"region": "UA-14", "language": "uk",
             "answers": {"arrangement": "dmz", "guarantees": ["eu", "un"], "trust": 2,
                         "priorities": ["peace", "return"], "comment": "..."}}""";

    static final String BATCH_EXAMPLE = """
            {"items": [
              {"idempotencyKey": "reader-8812", "region": "UA-14", "language": "uk", "answers": {"arrangement": "sez"}},
              {"idempotencyKey": "reader-8813", "region": "UA-09", "language": "ru", "answers": {"arrangement": "dmz", "trust": 3}}
            ]}""";

    @Inject
    SurveyService surveys;

    @Inject
    ResponseService responses;

    @Inject
    SubmissionLimits limits;

    @Inject
    SecurityIdentity caller;

    @Inject
    CurrentIdentityAssociation identities;

    @Context
    HttpServerRequest http;

    @POST
    @Operation(summary = "Submit one response; 201 means it is committed",
            description = "Anonymous, or with a partner token (recorded as that partner's, channel API). "
                    + "A retry with the same Idempotency-Key and body returns the first result and stores nothing new.")
    @APIResponse(responseCode = "201", description = "Stored; the receipt lets the respondent verify it was counted")
    @APIResponse(responseCode = "422", description = "Invalid answers, region or language; nothing stored")
    @APIResponse(responseCode = "429", description = "Too many submissions; see Retry-After")
    // Documentation on the method, not on the parameters: the JDK parses a method's parameter
    // annotations afresh each time they are asked for, and the body reader asks on every request
    // (because of BodyLimitInterceptor) — with the example text there, a tenth of a submission's cost.
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER,
            description = "Client-chosen retry key (1-200 printable ASCII characters), scoped to the "
                    + "partner token; anonymous keys share one scope per survey, so draw them at random (e.g. a UUID)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "partner submission", value = SINGLE_EXAMPLE)))
    public Uni<Response> submit(@PathParam("slug") String slug, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull SubmissionRequest request) {
        // Runs on the I/O thread that read the request, and no thread waits for the commit: the
        // response is written when the group commit holding it has committed. Only what needs
        // the database (a survey or token not in memory, the day's first client hash, a refusal's
        // rate-limit charge) goes to a worker thread. Checks in the order a blocking endpoint would make them: survey, key, caller.
        Executor requestThread = RequestThread.current();
        String address = SubmissionLimits.addressOf(http);
        return surveys.findPublicWithoutBlocking(slug).chain(survey -> {
            if (idempotencyKey != null) {
                requireWellFormed(idempotencyKey, "Idempotency-Key");
            }
            return identities.getDeferredIdentity()
                    .chain(identity -> submitterWithoutBlocking(identity, address))
                    .chain(submitter -> Uni.createFrom().completionStage(responses.submitAsync(survey, request,
                            submitter, Channel.API, idempotencyKey, Infrastructure.getDefaultWorkerPool())))
                    .emitOn(requestThread)
                    .map(outcome -> created(outcome, survey));
        });
    }

    private static Response created(SubmitOutcome outcome, SurveySnapshot survey) {
        if (!(outcome instanceof SubmitOutcome.Accepted accepted)) {
            throw SubmissionProblems.of(outcome, survey);
        }
        return Response.created(URI.create("/api/v1/receipts/" + accepted.receipt().receipt()))
                .header("Idempotent-Replayed", accepted.replayed() ? "true" : null)
                .entity(accepted.receipt()).build();
    }

    public record BatchItemRequest(String idempotencyKey, String region, String language, JsonNode answers,
            String invitation) {
    }

    public record BatchRequest(@NotNull @Size(min = 1, max = MAX_BATCH) List<BatchItemRequest> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchItemResult(int status, UUID id, String receipt, Problem problem) {
    }

    public record BatchResponse(List<BatchItemResult> results) {
    }

    @POST
    @Path("/batch")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer", scopes = {Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Submit up to 1000 responses at once",
            description = "Each item is validated and stored on its own: one bad item never rejects the others. "
                    + "Results come in item order: status 201 with id and receipt, or a 4xx status with a problem. "
                    + "All accepted items are committed together before the answer is sent.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "two items, each with its own retry key", value = BATCH_EXAMPLE)))
    public BatchResponse batch(@PathParam("slug") String slug, @NotNull @Valid BatchRequest request) {
        SurveySnapshot survey = surveys.findPublic(slug);
        List<ResponseService.BatchItem> items = new ArrayList<>();
        ApiException[] itemErrors = new ApiException[request.items().size()];
        for (int i = 0; i < request.items().size(); i++) {
            BatchItemRequest item = request.items().get(i);
            try {
                if (item == null) {
                    throw new ApiException(400, "Invalid request", "A batch item must be an object.");
                }
                if (item.idempotencyKey() != null) {
                    requireWellFormed(item.idempotencyKey(), "idempotencyKey");
                }
                items.add(new ResponseService.BatchItem(
                        new SubmissionRequest(item.region(), item.language(), item.answers(), item.invitation()),
                        item.idempotencyKey()));
            } catch (ApiException e) {
                items.add(null);
                itemErrors[i] = e;
            }
        }
        ResponseService.BatchOutcome outcome = responses.submitBatch(survey, items, submitter());
        if (outcome.refusedWhole() != null) {
            throw SubmissionProblems.of(outcome.refusedWhole(), survey);
        }
        List<BatchItemResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SubmitOutcome o = outcome.items().get(i);
            if (itemErrors[i] != null) {
                results.add(new BatchItemResult(itemErrors[i].status(), null, null, itemErrors[i].toProblem()));
            } else if (o instanceof SubmitOutcome.Accepted accepted) {
                results.add(new BatchItemResult(201, accepted.receipt().id(), accepted.receipt().receipt(), null));
            } else {
                ApiException problem = SubmissionProblems.of(o, survey);
                results.add(new BatchItemResult(problem.status(), null, null, problem.toProblem()));
            }
        }
        return new BatchResponse(results);
    }

    private static void requireWellFormed(String key, String field) {
        if (!IdempotencyKey.isWellFormed(key)) {
            throw new ApiException(400, "Invalid request", "The idempotency key is not usable.",
                    List.of(new FieldError(field, "invalid",
                            "must be 1 to " + IdempotencyKey.MAX_LENGTH + " printable ASCII characters")), null);
        }
    }

    /**
     * Who submits: a partner, an admin, a researcher (refused), or an anonymous client, known by
     * a daily-keyed hash of its address that serves the rate limit and review only and is never
     * stored with a response.
     */
    private Submitter submitter() {
        return submitter(caller, SubmissionLimits.addressOf(http));
    }

    /** As {@link #submitter(SecurityIdentity, String)}, never waiting for the database on the calling thread. */
    private Uni<Submitter> submitterWithoutBlocking(SecurityIdentity caller, String address) {
        if (caller.isAnonymous()) {
            return limits.clientHashWithoutBlocking(address).map(Submitter.Anonymous::new);
        }
        return Uni.createFrom().item(submitter(caller, address));
    }

    private Submitter submitter(SecurityIdentity caller, String address) {
        if (caller.isAnonymous()) {
            return new Submitter.Anonymous(limits.clientHash(address));
        }
        UUID tokenId = CallerAttributes.tokenId(caller).orElseThrow();
        if (caller.hasRole(Roles.PARTNER)) {
            return new Submitter.Partner(tokenId, CallerAttributes.surveys(caller));
        }
        return caller.hasRole(Roles.ADMIN) ? new Submitter.Admin(tokenId) : new Submitter.Researcher();
    }
}
