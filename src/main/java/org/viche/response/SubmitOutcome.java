package org.viche.response;

import java.util.List;

import org.viche.error.FieldError;

/**
 * What became of a submission: the one result of {@link ResponseService#submit}, which the API
 * turns into a status and problem ({@link SubmissionProblems}) and the web form into a page.
 * Only {@link Accepted} stored anything (or found what a retry had stored).
 */
public sealed interface SubmitOutcome {

    /** Committed: the receipt is the respondent's; {@code replayed} when a retry found the first response. */
    record Accepted(Receipt receipt, boolean replayed) implements SubmitOutcome {
    }

    /** Invalid answers, region or language: every problem at once, nothing stored. */
    record Refused(List<FieldError> errors) implements SubmitOutcome {
    }

    /** The survey no longer takes responses. */
    record Closed() implements SubmitOutcome {
    }

    /** The invitation code of a TOKEN survey was missing, mistyped, unknown or already used. */
    record InvitationRejected(InvitationProblem problem) implements SubmitOutcome {
    }

    enum InvitationProblem {
        REQUIRED, MALFORMED, UNKNOWN_OR_USED
    }

    /** The retry key was used before with another request: nothing stored, nothing replayed. */
    record KeyReused() implements SubmitOutcome {
    }

    /** The sender is over its rate limit; it may retry after that many seconds. */
    record RateLimited(long retryAfterSeconds) implements SubmitOutcome {
    }

    /** This sender may not submit to this survey. */
    record NotPermitted(Permission missing) implements SubmitOutcome {
    }

    enum Permission {
        /** A partner token that does not name the survey. */
        SURVEY_NOT_IN_SCOPE,
        /** A researcher's token: it reads, never submits. */
        SUBMITTING
    }

    /** The commit did not happen (database down or too slow): nothing is stored, a retry is safe. */
    record NotStored() implements SubmitOutcome {
    }
}
