package org.viche.response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.error.ApiException;
import org.viche.error.FieldError;
import org.viche.error.Problem;
import org.viche.invitation.InvitationCodes;
import org.viche.quarantine.QuarantinePolicy;
import org.viche.quarantine.QuarantineReason;
import org.viche.results.TallyBuckets;
import org.viche.survey.QuestionType;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveySnapshot;
import org.viche.survey.SurveyStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Accepts a response from any channel: checks the survey is open, the region and language
 * belong to it and every answer is valid, then stores it. Returning normally means the
 * response is committed; any refusal throws before anything is written.
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

    /**
     * Who is submitting, and the retry key if the client sent one.
     *
     * @param clientHash the keyed hash of an anonymous sender's address ({@code SubmissionLimits.clientHash});
     *        null for partner and admin tokens, which are accountable in their own right
     */
    public record Origin(Channel channel, UUID partnerId, IdempotencyKey idempotency, String clientHash) {
    }

    /** @return the receipt; {@code replayed} when an idempotent retry found the first response */
    public record Accepted(Receipt receipt, boolean replayed) {
    }

    /** Checks a submission without storing it: every problem at once, or the normalised answers. */
    public AnswerCheck check(SurveySnapshot survey, SubmissionRequest request) {
        requireAcceptingResponses(survey);
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

    public Accepted submit(SurveySnapshot survey, SubmissionRequest request, Origin origin) {
        ResponseStore.NewResponse response = prepare(survey, request, origin);
        ResponseStore.StoreOutcome outcome = storeAll(survey, List.of(response), origin.clientHash()).get(0);
        if (outcome.surveyClosed()) {
            throw surveyClosed(survey);
        }
        if (outcome.invitationRefused()) {
            throw invitationNotAccepted();
        }
        // A web form's key is one drawn form: sent again with other answers (back, change, send),
        // it is still that person's one submission, and they see its first receipt.
        if (outcome.replayed() && !outcome.sameRequest() && origin.channel() != Channel.WEB) {
            throw idempotencyKeyReused();
        }
        return new Accepted(outcome.receipt(), outcome.replayed());
    }

    /** One item of a batch, with its own retry key. */
    public record BatchItem(SubmissionRequest request, IdempotencyKey idempotency) {
    }

    /** Per item: the receipt (status 201), or the problem that refused it. */
    public record ItemOutcome(int status, Receipt receipt, Problem problem) {
    }

    /**
     * Checks every item on its own (one bad item never rejects the others) and stores all
     * valid ones in one transaction with one insert statement. Outcomes are in item order.
     */
    public List<ItemOutcome> submitBatch(SurveySnapshot survey, List<BatchItem> items, Channel channel, UUID partnerId) {
        requireAcceptingResponses(survey);
        ItemOutcome[] outcomes = new ItemOutcome[items.size()];
        List<ResponseStore.NewResponse> valid = new ArrayList<>();
        List<Integer> validIndex = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            try {
                if (item == null || item.request() == null) {
                    throw new ApiException(400, "Invalid request", "A batch item must be an object.");
                }
                valid.add(prepare(survey, item.request(), new Origin(channel, partnerId, item.idempotency(), null)));
                validIndex.add(i);
            } catch (ApiException e) {
                outcomes[i] = new ItemOutcome(e.status(), null, e.toProblem());
            }
        }
        List<ResponseStore.StoreOutcome> stored = storeAll(survey, valid, null);
        for (int j = 0; j < stored.size(); j++) {
            ResponseStore.StoreOutcome outcome = stored.get(j);
            outcomes[validIndex.get(j)] = outcome.surveyClosed()
                    ? new ItemOutcome(409, null, surveyClosed(survey).toProblem())
                    : outcome.invitationRefused()
                    ? new ItemOutcome(409, null, invitationNotAccepted().toProblem())
                    : outcome.replayed() && !outcome.sameRequest()
                    ? new ItemOutcome(422, null, idempotencyKeyReused().toProblem())
                    : new ItemOutcome(201, outcome.receipt(), null);
        }
        return List.of(outcomes);
    }

    /** Validates one submission completely and turns it into a row to store; throws on any problem. */
    private ResponseStore.NewResponse prepare(SurveySnapshot survey, SubmissionRequest request, Origin origin) {
        AnswerCheck check = check(survey, request);
        if (!check.isValid()) {
            throw ApiException.validation("The response has " + check.errors().size() + " problem(s).", check.errors());
        }
        byte[] invitation = invitation(survey.definition(), request);
        String language = request.language() != null ? request.language() : survey.firstLanguage();
        String answersJson = write(check);
        byte[] requestHash = origin.idempotency() == null ? null
                : sha256(request.region() + "\n" + language + "\n" + answersJson);
        return new ResponseStore.NewResponse(survey.id(), request.region(), language, origin.channel(),
                origin.partnerId(), answersJson, origin.idempotency(), requestHash,
                TallyBuckets.of(survey.definition(), check.answers()), invitation,
                textSalt(survey.definition(), check.answers()), null);
    }

    private List<ResponseStore.StoreOutcome> storeAll(SurveySnapshot survey, List<ResponseStore.NewResponse> responses,
            String clientHash) {
        if (responses.isEmpty()) {
            return List.of();
        }
        return committer.store(holdBursts(survey, responses, clientHash));
    }

    /**
     * Marks the responses to hold back as a suspicious burst (stored, not counted until an
     * admin releases them). Only OPEN surveys: a TOKEN survey's codes already allow one
     * response per person.
     */
    private List<ResponseStore.NewResponse> holdBursts(SurveySnapshot survey, List<ResponseStore.NewResponse> responses,
            String clientHash) {
        if (survey.definition().accessMode() != SurveyDefinition.AccessMode.OPEN) {
            return responses;
        }
        List<Optional<QuarantineReason>> decisions = quarantine.classify(survey,
                responses.stream().map(r -> new QuarantinePolicy.Candidate(clientHash, r.region(), r.answersJson())).toList());
        List<ResponseStore.NewResponse> classified = new ArrayList<>(responses.size());
        for (int i = 0; i < responses.size(); i++) {
            ResponseStore.NewResponse response = responses.get(i);
            classified.add(decisions.get(i).map(response::heldFor).orElse(response));
        }
        return classified;
    }

    private static ApiException idempotencyKeyReused() {
        return new ApiException(422, "Idempotency key reused",
                "This Idempotency-Key was already used with a different request body.");
    }

    private static void requireAcceptingResponses(SurveySnapshot survey) {
        if (survey.status() == SurveyStatus.DRAFT) {
            throw ApiException.notFound("No published survey named '" + survey.slug() + "'.");
        }
        if (survey.status() == SurveyStatus.CLOSED) {
            throw surveyClosed(survey);
        }
    }

    private static ApiException surveyClosed(SurveySnapshot survey) {
        return new ApiException(409, "Survey closed", "Survey '" + survey.slug() + "' is closed to new responses.");
    }

    /**
     * For a TOKEN survey, the stored form of the submitted invitation code; it is spent only
     * when the response is stored (see {@link ResponseStore}). A code that fails its check
     * symbol is refused here, before anything is written.
     */
    private static byte[] invitation(SurveyDefinition definition, SubmissionRequest request) {
        if (definition.accessMode() != SurveyDefinition.AccessMode.TOKEN) {
            return null;
        }
        if (request.invitation() == null || request.invitation().isBlank()) {
            throw new ApiException(403, "Invitation required", "This survey accepts responses only with an invitation code.");
        }
        return InvitationCodes.hashOf(request.invitation()).orElseThrow(() -> new ApiException(409,
                "Invitation not valid", "This is not an invitation code: check it for a mistyped character."));
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

    private static ApiException invitationNotAccepted() {
        return new ApiException(409, "Invitation not valid", "This invitation code is unknown or already used.");
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
