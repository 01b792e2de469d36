package org.viche.quarantine;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.viche.config.ServiceSecretSource;
import org.viche.config.VicheConfig;
import org.viche.ratelimit.RateLimiter;
import org.viche.region.RegionCatalog;
import org.viche.survey.QuestionType;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveySnapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Decides which responses to an OPEN survey are held back ({@link ReviewRules}: a burst from
 * one client, or an answer surge). Counting happens in the shared rate-limit counters, so the
 * response row itself never carries who sent it. Every channel (API, web form) asks here.
 */
@ApplicationScoped
public class QuarantinePolicy {

    private static final HexFormat HEX = HexFormat.of();
    /** Arrivals are counted in slots this long; the surge window slides by one slot. */
    static final Duration SURGE_SLOT = Duration.ofSeconds(10);
    /** The share so far is counted in slots this long. */
    static final Duration HISTORY_SLOT = Duration.ofMinutes(1);

    @Inject
    QuarantineConfig config;

    @Inject
    RegionCatalog regions;

    private ReviewRules rules;

    private ReviewRules.Settings settings;

    /** Each open survey's prior share per region ({@link #priors}). */
    private final Map<Long, Map<String, Double>> priors = new ConcurrentHashMap<>();

    /** Keys the answer-set names of the review counters (derived from VICHE_SECRET, outside the database). */
    private byte[] patternKey;

    @Inject
    VicheConfig vicheConfig;

    @PostConstruct
    void start() {
        settings = settings(config);
        patternKey = ServiceSecretSource.derive(vicheConfig.secret(), "viche-review-counter-v1").getBytes(StandardCharsets.US_ASCII);
    }

    static ReviewRules.Settings settings(QuarantineConfig config) {
        return new ReviewRules.Settings(config.perClient(), config.window(),
                new PopularityRule(config.surgeTail(), config.identicalAnswers(), config.surgeTolerance(), config.priorWeight()),
                config.surgeWindow(), SURGE_SLOT, config.history(), HISTORY_SLOT);
    }

    /**
     * What the rules need to judge one response, worked out on the request's thread; empty when
     * it is never held: review is off, the survey takes invitation codes (each allows one
     * response already), or an accountable token sent it ({@code clientHash} null).
     */
    public Optional<ReviewCandidate> candidate(SurveySnapshot survey, String clientHash, String region, ObjectNode answers) {
        if (!config.enabled() || clientHash == null || survey.definition().accessMode() != SurveyDefinition.AccessMode.OPEN) {
            return Optional.empty();
        }
        return Optional.of(new ReviewCandidate(clientHash, pattern(patternKey, survey.id(), region, choicesOf(survey.definition(), answers)),
                priors(survey).getOrDefault(region, 0.0)));
    }

    /**
     * Each region's prior share in a survey, worked out once per survey: its regions and their
     * populations do not change once it takes responses, and every anonymous submission asks.
     */
    private Map<String, Double> priors(SurveySnapshot survey) {
        return priors.computeIfAbsent(survey.id(), id -> {
            Map<String, Long> populations = regions.populations(survey.definition().regionScheme());
            Map<String, Double> byRegion = new HashMap<>();
            survey.regionCodes().forEach(r -> byRegion.put(r, PopularityRule.prior(populations, survey.regionCodes(), r)));
            return Map.copyOf(byRegion);
        });
    }

    /**
     * What a pattern is made of: every answer but free text. A flood is one answer set sent over
     * and over; a text that varies from copy to copy (a random comment) must not make each copy a
     * pattern of its own, and the answers a flood is meant to move are the choices anyway.
     */
    static String choicesOf(SurveyDefinition definition, ObjectNode answers) {
        ObjectNode choices = answers.deepCopy();
        definition.questionList().stream().filter(q -> q.questionType() == QuestionType.TEXT).forEach(q -> choices.remove(q.key()));
        return choices.toString();
    }

    /**
     * For each candidate to one survey, in order: the reason to hold it, or empty to count it.
     * Counts in the transaction of {@code connection}: the group commit's, so the counters and
     * the responses they judged commit together, and every instance counts in the same rows.
     */
    public List<Optional<QuarantineReason>> classify(Connection connection, long surveyId, List<ReviewCandidate> candidates) {
        Instant now = Instant.now();
        ReviewRules rules = new ReviewRules(settings, new ReviewRules.Counters() {
            @Override
            public Map<String, Long> addSliding(Map<String, Integer> costs, Duration window) {
                Map<String, Long> counts = new HashMap<>();
                sql(() -> RateLimiter.addSliding(connection, costs, window, now))
                        .forEach((bucket, w) -> counts.put(bucket, w.estimate()));
                return counts;
            }

            @Override
            public Map<String, Long> addToSlots(Map<String, Integer> costs, Duration slot, Duration span) {
                return sql(() -> RateLimiter.addToSlots(connection, costs, slot, span, now));
            }

            @Override
            public Map<String, Long> sum(Collection<String> buckets, Duration span, Duration recent) {
                return sql(() -> RateLimiter.sum(connection, buckets, span, recent, now));
            }
        });
        return rules.classify(Long.toString(surveyId), candidates);
    }

    private interface Statement<T> {
        T run() throws SQLException;
    }

    /** The counters' statements fail the group's transaction, as the insert's would. */
    private static <T> T sql(Statement<T> statement) {
        try {
            return statement.run();
        } catch (SQLException e) {
            throw new IllegalStateException("Review counters could not be updated", e);
        }
    }

    /**
     * A counter's name for an answer set: keyed, so that it neither holds what someone answered
     * nor lets a copy of the database recompute it from the stored answers — which would date
     * each response to the ten seconds of its counting slot (the database keeps the hour only).
     */
    static String pattern(byte[] key, long surveyId, String region, String choicesJson) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = mac.doFinal((surveyId + "\n" + region + "\n" + choicesJson).getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(tag, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is always available", e);
        }
    }

    static String clientBucket(long surveyId, String clientHash) {
        return ReviewRules.clientBucket(Long.toString(surveyId), clientHash);
    }
}
