package org.viche.response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.error.FieldError;
import org.viche.invitation.InvitationCodes;
import org.viche.quarantine.QuarantinePolicy;
import org.viche.quarantine.ReviewCandidate;
import org.viche.ratelimit.SubmissionLimits;
import org.viche.survey.QuestionType;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveySnapshot;
import org.viche.survey.SurveyStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Accepts a response from any channel: checks the sender may submit to the survey, that the
 * survey is open, the region and language belong to it and every answer is valid, then hands
 * it to the group commit, which charges the sender's rate limit, applies the review rules and
 * stores it in one transaction. The result is a {@link SubmitOutcome}; nothing here knows HTTP.
 */
@ApplicationScoped
public class ResponseService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AnswerValidator validator = new AnswerValidator();

    @Inject
    ResponseCommitter committer;

    @Inject
    ObjectMapper json;

    @Inject
    QuarantinePolicy quarantine;

    @Inject
    SubmissionLimits limits;

    /** Checks a submission's region, language and answers without storing it: every problem at once. */
    public AnswerCheck check(SurveySnapshot survey, SubmissionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.region() == null || request.region().isBlank()) {
            errors.add(new FieldError("region", "required", "is required: the respondent's region of residence"));
        } else if (!survey.regionCodes().contains(request.region())) {
            errors.add(new FieldError("region", "unknownRegion", "'" + request.region() + "' is not a region of this survey"));
        }
        if (request.language() != null && !survey.offersLanguage(request.language())) {
            errors.add(new FieldError("language", "unknownLanguage",
                    "must be one of " + String.join(", ", survey.definition().effectiveLanguages())));
        }
        AnswerCheck answers = validator.check(survey.definition(), request.answers());
        errors.addAll(answers.errors());
        return new AnswerCheck(answers.answers(), errors);
    }

    /**
     * Submits one response, waiting for its outcome: for callers on a thread that may wait.
     *
     * @param key the sender's retry key (well-formed, see {@link IdempotencyKey#isWellFormed}), or null
     */
    public SubmitOutcome submit(SurveySnapshot survey, SubmissionRequest request, Submitter submitter, Channel channel,
            String key) {
        try {
            return submitAsync(survey, request, submitter, channel, key, Runnable::run).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw ResponseCommitter.unwrapped(e) instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * Submits one response without waiting: checks and validation run on the calling thread, in
     * memory; the outcome completes when the group commit holding the response has committed (on
     * the committer's thread). Nothing here blocks the caller, except on {@code blockingWork}: the
     * rate-limit charge of a refused submission, which reads and writes the database.
     *
     * @param key the sender's retry key (well-formed, see {@link IdempotencyKey#isWellFormed}), or null
     * @param blockingWork where work that waits for the database runs (a worker pool, or the caller's thread)
     */
    public CompletionStage<SubmitOutcome> submitAsync(SurveySnapshot survey, SubmissionRequest request,
            Submitter submitter, Channel channel, String key, Executor blockingWork) {
        Optional<SubmitOutcome> refused = refusal(survey, submitter);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        Prepared prepared = prepare(survey, request, submitter, channel, key);
        if (prepared.refusal() != null) {
            // Refused submissions count too, so a script that keeps sending bad ones is stopped by
            // its limit; they are charged on their own (valid ones are charged in the group commit).
            SubmissionLimits.RateCharge charge = chargeOf(survey, submitter);
            // A copy: a caller that gives up (its client went away) cancels the copy, never the charge.
            return CompletableFuture.supplyAsync(() -> {
                OptionalLong retryAfter = limits.chargeRefused(charge);
                return retryAfter.isPresent() ? new SubmitOutcome.RateLimited(retryAfter.getAsLong()) : prepared.refusal();
            }, blockingWork).copy();
        }
        return committer.storeAsync(List.of(prepared.response())).handle((stored, failure) -> {
            if (failure == null) {
                return outcomeOf(stored.get(0), channel);
            }
            Throwable cause = ResponseCommitter.unwrapped(failure);
            if (cause instanceof ResponseCommitter.NotStoredException) {
                return new SubmitOutcome.NotStored();
            }
            throw failure instanceof CompletionException completion ? completion : new CompletionException(cause);
        });
    }

    /** One item of a batch, with its own retry key (well-formed, or null). */
    public record BatchItem(SubmissionRequest request, String key) {
    }

    /**
     * A batch's result: refused as a whole ({@code refusedWhole}: not permitted, closed, over the
     * rate limit, not stored), or one outcome per item, in item order (null for a null item).
     */
    public record BatchOutcome(SubmitOutcome refusedWhole, List<SubmitOutcome> items) {
    }

    /**
     * Checks every item on its own (one bad item never rejects the others) and stores all valid
     * ones in one transaction with one insert statement. The batch is charged against the
     * sender's rate limit as a whole, before its items are looked at.
     */
    public BatchOutcome submitBatch(SurveySnapshot survey, List<BatchItem> items, Submitter submitter) {
        Optional<SubmitOutcome> refused = refusal(survey, submitter);
        if (refused.isEmpty() && submitter instanceof Submitter.Partner partner) {
            OptionalLong retryAfter = limits.chargeBatch(partner.tokenId(), items.size());
            if (retryAfter.isPresent()) {
                refused = Optional.of(new SubmitOutcome.RateLimited(retryAfter.getAsLong()));
            }
        }
        if (refused.isPresent()) {
            return new BatchOutcome(refused.get(), List.of());
        }
        SubmitOutcome[] outcomes = new SubmitOutcome[items.size()];
        List<ResponseStore.NewResponse> valid = new ArrayList<>();
        List<Integer> validIndex = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            if (item == null || item.request() == null) {
                continue; // not an item at all: the caller answers for it
            }
            Prepared prepared = prepare(survey, item.request(), submitter, Channel.API, item.key());
            if (prepared.refusal() != null) {
                outcomes[i] = prepared.refusal();
            } else {
                // The batch was charged as a whole: its items are not charged again one by one.
                valid.add(prepared.response().withoutRateCharge());
                validIndex.add(i);
            }
        }
        if (!valid.isEmpty()) {
            List<ResponseStore.StoreOutcome> stored;
            try {
                stored = committer.store(valid);
            } catch (ResponseCommitter.NotStoredException e) {
                return new BatchOutcome(new SubmitOutcome.NotStored(), List.of());
            }
            for (int j = 0; j < stored.size(); j++) {
                outcomes[validIndex.get(j)] = outcomeOf(stored.get(j), Channel.API);
            }
        }
        return new BatchOutcome(null, List.of(outcomes));
    }

    /** What refuses every submission of this sender to this survey, before any answer is looked at. */
    private static Optional<SubmitOutcome> refusal(SurveySnapshot survey, Submitter submitter) {
        if (submitter instanceof Submitter.Researcher) {
            return Optional.of(new SubmitOutcome.NotPermitted(SubmitOutcome.Permission.SUBMITTING));
        }
        if (submitter instanceof Submitter.Partner partner && !partner.surveys().contains(survey.slug())) {
            return Optional.of(new SubmitOutcome.NotPermitted(SubmitOutcome.Permission.SURVEY_NOT_IN_SCOPE));
        }
        if (survey.status() != SurveyStatus.OPEN) {
            return Optional.of(new SubmitOutcome.Closed());
        }
        return Optional.empty();
    }

    private static SubmitOutcome outcomeOf(ResponseStore.StoreOutcome stored, Channel channel) {
        if (stored instanceof ResponseStore.StoreOutcome.Stored s) {
            return new SubmitOutcome.Accepted(s.receipt(), false);
        }
        if (stored instanceof ResponseStore.StoreOutcome.Replayed r) {
            // A web form's key is one drawn form: sent again with other answers (back, change,
            // send), it is still that person's one submission, and they see its first receipt.
            return r.sameRequest() || channel == Channel.WEB ? new SubmitOutcome.Accepted(r.first(), true)
                    : new SubmitOutcome.KeyReused();
        }
        if (stored instanceof ResponseStore.StoreOutcome.InvitationRefused) {
            return new SubmitOutcome.InvitationRejected(SubmitOutcome.InvitationProblem.UNKNOWN_OR_USED);
        }
        if (stored instanceof ResponseStore.StoreOutcome.RateLimited limited) {
            return new SubmitOutcome.RateLimited(limited.retryAfterSeconds());
        }
        return new SubmitOutcome.Closed();
    }

    /** A submission made ready to store, or why it cannot be. */
    private record Prepared(ResponseStore.NewResponse response, SubmitOutcome refusal) {
    }

    /** Validates one submission completely and turns it into a row to store, with its charge and review. */
    private Prepared prepare(SurveySnapshot survey, SubmissionRequest request, Submitter submitter, Channel channel,
            String key) {
        AnswerCheck check = check(survey, request);
        if (!check.isValid()) {
            return new Prepared(null, new SubmitOutcome.Refused(check.errors()));
        }
        Optional<SubmitOutcome.InvitationProblem> invitationProblem = invitationProblem(survey.definition(), request);
        if (invitationProblem.isPresent()) {
            return new Prepared(null, new SubmitOutcome.InvitationRejected(invitationProblem.get()));
        }
        byte[] invitation = survey.definition().accessMode() == SurveyDefinition.AccessMode.TOKEN
                ? InvitationCodes.hashOf(request.invitation()).orElseThrow() : null;
        String language = request.language() != null ? request.language() : survey.firstLanguage();
        String answersJson = write(check);
        IdempotencyKey idempotency = key == null ? null : new IdempotencyKey(submitter.keyScope(channel), key);
        byte[] requestHash = idempotency == null ? null : sha256(request.region() + "\n" + language + "\n" + answersJson);
        String clientHash = submitter instanceof Submitter.Anonymous anonymous ? anonymous.clientHash() : null;
        SubmissionLimits.RateCharge charge = chargeOf(survey, submitter);
        ReviewCandidate review = quarantine.candidate(survey, clientHash, request.region(), check.answers()).orElse(null);
        return new Prepared(new ResponseStore.NewResponse(survey.id(), request.region(), language, channel,
                submitter instanceof Submitter.Partner partner ? partner.tokenId() : null, answersJson, idempotency,
                requestHash, invitation,
                textSalt(survey.definition(), check.answers()), charge, review), null);
    }

    /** What a submission costs its sender against the rate limit; null for admins (or limits off). */
    private SubmissionLimits.RateCharge chargeOf(SurveySnapshot survey, Submitter submitter) {
        if (submitter instanceof Submitter.Anonymous anonymous) {
            return limits.publicCharge(survey.id(), anonymous.clientHash()).orElse(null);
        }
        return submitter instanceof Submitter.Partner partner ? limits.partnerCharge(partner.tokenId()).orElse(null) : null;
    }

    /**
     * For a TOKEN survey, what is wrong with the invitation code before the store looks it up: a
     * missing code, or one that fails its check symbol. Whether a well-formed code is known and
     * unspent is decided when the response is stored, where the code is spent.
     */
    private static Optional<SubmitOutcome.InvitationProblem> invitationProblem(SurveyDefinition definition,
            SubmissionRequest request) {
        if (definition.accessMode() != SurveyDefinition.AccessMode.TOKEN) {
            return Optional.empty();
        }
        if (request.invitation() == null || request.invitation().isBlank()) {
            return Optional.of(SubmitOutcome.InvitationProblem.REQUIRED);
        }
        return InvitationCodes.hashOf(request.invitation()).isPresent() ? Optional.empty()
                : Optional.of(SubmitOutcome.InvitationProblem.MALFORMED);
    }

    /** A fresh random salt when a text question was answered: the text's sealed commitment hides behind it. */
    private static byte[] textSalt(SurveyDefinition definition, ObjectNode answers) {
        boolean anyText = definition.questionList().stream()
                .anyMatch(q -> q.questionType() == QuestionType.TEXT && answers.has(q.key()));
        if (!anyText) {
            return null;
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private String write(AnswerCheck check) {
        try {
            return json.writeValueAsString(check.answers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Normalised answers are always serialisable", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
