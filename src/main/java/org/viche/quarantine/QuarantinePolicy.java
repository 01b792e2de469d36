package org.viche.quarantine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.ratelimit.RateLimiter;
import org.viche.region.RegionCatalog;
import org.viche.survey.SurveySnapshot;

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
    RateLimiter counters;

    @Inject
    RegionCatalog regions;

    private ReviewRules rules;

    @PostConstruct
    void start() {
        rules = new ReviewRules(settings(config), new ReviewRules.Counters() {
            @Override
            public Map<String, Long> addSliding(Map<String, Integer> costs, Duration window) {
                return counters.addSliding(costs, window);
            }

            @Override
            public Map<String, Long> addToSlots(Map<String, Integer> costs, Duration slot, Duration span) {
                return counters.addToSlots(costs, slot, span);
            }

            @Override
            public Map<String, Long> sum(Collection<String> buckets, Duration span, Duration recent) {
                return counters.sum(buckets, span, recent);
            }
        });
    }

    static ReviewRules.Settings settings(QuarantineConfig config) {
        return new ReviewRules.Settings(config.perClient(), config.window(),
                new PopularityRule(config.surgeTail(), config.identicalAnswers(), config.surgeTolerance(), config.priorWeight()),
                config.surgeWindow(), SURGE_SLOT, config.history(), HISTORY_SLOT);
    }

    /**
     * One response to classify.
     *
     * @param clientHash the keyed hash of the sender's address; null for partner and admin tokens
     * @param region the region it was sent for
     * @param answersJson the normalised answers, as they will be stored
     */
    public record Candidate(String clientHash, String region, String answersJson) {
    }

    /** For each candidate, in order: the reason to hold it, or empty to count it. */
    public List<Optional<QuarantineReason>> classify(SurveySnapshot survey, List<Candidate> candidates) {
        if (!config.enabled() || candidates.isEmpty()) {
            return candidates.stream().map(c -> Optional.<QuarantineReason>empty()).toList();
        }
        Map<String, Long> populations = regions.populations(survey.definition().regionScheme());
        List<ReviewRules.Rated> rated = candidates.stream().map(c -> new ReviewRules.Rated(c.clientHash(),
                pattern(survey.id(), c.region(), c.answersJson()), PopularityRule.prior(populations, survey.regionCodes(), c.region()))).toList();
        return rules.classify(Long.toString(survey.id()), rated);
    }

    /** Answers are hashed: a counter's name must not hold what someone answered. */
    static String pattern(long surveyId, String region, String answersJson) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((surveyId + "\n" + region + "\n" + answersJson).getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static String clientBucket(long surveyId, String clientHash) {
        return ReviewRules.clientBucket(Long.toString(surveyId), clientHash);
    }
}
