package org.viche.quarantine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.ratelimit.RateLimiter;

/**
 * Decides which responses to an OPEN survey are held back: past {@code per-client}
 * responses from one client, or past {@code identical-answers} responses with the same
 * answers, within one window. Counting happens in the shared rate-limit windows (one
 * statement for a whole batch), so the response row itself never carries who sent it.
 * Partner and admin submissions carry no client hash — their token is accountable — and
 * are held only for identical answers. Every channel (API, web form) asks here.
 */
@ApplicationScoped
public class QuarantinePolicy {

    private static final HexFormat HEX = HexFormat.of();

    @Inject
    QuarantineConfig config;

    @Inject
    RateLimiter counters;

    /**
     * One response to classify.
     *
     * @param clientHash the keyed hash of the sender's address; null for partner and admin tokens
     * @param answersJson the normalised answers, as they will be stored
     */
    public record Candidate(String clientHash, String answersJson) {
    }

    /** For each candidate, in order: the reason to hold it, or empty to count it. */
    public List<Optional<QuarantineReason>> classify(long surveyId, List<Candidate> candidates) {
        List<Optional<QuarantineReason>> decisions = new ArrayList<>(candidates.size());
        if (!config.enabled() || candidates.isEmpty()) {
            candidates.forEach(c -> decisions.add(Optional.empty()));
            return decisions;
        }
        Map<String, Integer> costs = new HashMap<>();
        for (Candidate candidate : candidates) {
            if (candidate.clientHash() != null) {
                costs.merge(clientBucket(surveyId, candidate.clientHash()), 1, Integer::sum);
            }
            costs.merge(answersBucket(surveyId, candidate.answersJson()), 1, Integer::sum);
        }
        Map<String, Long> totals = counters.add(costs, config.window());
        // The batch's own additions are the last ones in each window: the k-th of them stood at total - cost + k.
        Map<String, Integer> seen = new HashMap<>();
        for (Candidate candidate : candidates) {
            QuarantineReason reason = null;
            if (candidate.clientHash() != null
                    && position(clientBucket(surveyId, candidate.clientHash()), totals, costs, seen) > config.perClient()) {
                reason = QuarantineReason.CLIENT_BURST;
            }
            if (position(answersBucket(surveyId, candidate.answersJson()), totals, costs, seen) > config.identicalAnswers()
                    && reason == null) {
                reason = QuarantineReason.IDENTICAL_ANSWERS;
            }
            decisions.add(Optional.ofNullable(reason));
        }
        return decisions;
    }

    private static long position(String bucket, Map<String, Long> totals, Map<String, Integer> costs, Map<String, Integer> seen) {
        return totals.get(bucket) - costs.get(bucket) + seen.merge(bucket, 1, Integer::sum);
    }

    static String clientBucket(long surveyId, String clientHash) {
        return "quarantine:client:" + clientHash + ":" + surveyId;
    }

    /** Answers are hashed: the counter's name must not hold what someone answered. */
    static String answersBucket(long surveyId, String answersJson) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((surveyId + "\n" + answersJson).getBytes(StandardCharsets.UTF_8));
            return "quarantine:answers:" + surveyId + ":" + HEX.formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
