package org.viche.response;

import java.util.List;

import org.viche.error.ApiException;
import org.viche.survey.SurveySnapshot;

/** How the API words each refused {@link SubmitOutcome}: its status and problem (api.md). */
final class SubmissionProblems {

    private SubmissionProblems() {
    }

    /** The problem for any outcome but {@link SubmitOutcome.Accepted}. */
    static ApiException of(SubmitOutcome outcome, SurveySnapshot survey) {
        if (outcome instanceof SubmitOutcome.Refused refused) {
            return ApiException.validation("The response has " + refused.errors().size() + " problem(s).", refused.errors());
        }
        if (outcome instanceof SubmitOutcome.Closed) {
            return new ApiException(409, "Survey closed", "Survey '" + survey.slug() + "' is closed to new responses.");
        }
        if (outcome instanceof SubmitOutcome.InvitationRejected rejected) {
            return switch (rejected.problem()) {
                case REQUIRED -> new ApiException(403, "Invitation required",
                        "This survey accepts responses only with an invitation code.");
                case MALFORMED -> new ApiException(409, "Invitation not valid",
                        "This is not an invitation code: check it for a mistyped character.");
                case UNKNOWN_OR_USED -> new ApiException(409, "Invitation not valid",
                        "This invitation code is unknown or already used.");
            };
        }
        if (outcome instanceof SubmitOutcome.KeyReused) {
            return new ApiException(422, "Idempotency key reused",
                    "This Idempotency-Key was already used with a different request body.");
        }
        if (outcome instanceof SubmitOutcome.RateLimited limited) {
            return new ApiException(429, "Too many requests",
                    "Too many submissions from this client; retry after " + limited.retryAfterSeconds() + " seconds.",
                    List.of(), (int) limited.retryAfterSeconds());
        }
        if (outcome instanceof SubmitOutcome.NotPermitted notPermitted) {
            return switch (notPermitted.missing()) {
                case SURVEY_NOT_IN_SCOPE -> new ApiException(403, "Forbidden",
                        "This partner token may not submit to survey '" + survey.slug() + "'.");
                case SUBMITTING -> new ApiException(403, "Forbidden",
                        "Only partner and admin tokens submit responses; researchers read them.");
            };
        }
        if (outcome instanceof SubmitOutcome.NotStored) {
            return new ApiException(503, "Not stored", "The response could not be stored; please retry "
                    + "(with the same Idempotency-Key, a retry can never store it twice).", List.of(), 1);
        }
        throw new IllegalArgumentException("Not a refusal: " + outcome);
    }
}
