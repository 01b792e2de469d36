package org.viche.quarantine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two review rules over a batch of responses to one survey, independent of where the
 * counters live (PostgreSQL in the service, memory in the simulation under {@code bench/}):
 * <ul>
 * <li><b>client burst</b>: more than {@code perClient} anonymous responses from one client
 * (keyed hash of its address) within a sliding window;</li>
 * <li><b>answer surge</b>: a pattern — one answer set within one region — arriving far faster
 * than its share so far predicts ({@link PopularityRule}).</li>
 * </ul>
 * Accountable senders (partner and admin tokens, {@code clientHash == null}) are never held
 * and stay out of the surge counters: a partner relaying 400 genuine answers in one batch
 * must neither be held nor make the next citizen with the same answers look like a flood.
 * Held responses are left out of the share so far, and so is the window under review, so a
 * flood cannot teach the rule that it is normal.
 */
final class ReviewRules {

    /** Shared counters; "now" is the counters' own clock. */
    interface Counters {
        /** Adds each cost to its bucket; returns the sliding-window count of each, the additions included. */
        Map<String, Long> addSliding(Map<String, Integer> costs, Duration window);

        /** Adds each cost to its bucket's current slot; returns each bucket's total over the last {@code span}. */
        Map<String, Long> addToSlots(Map<String, Integer> costs, Duration slot, Duration span);

        /** Each bucket's total over the last {@code span}, leaving out the last {@code recent} (absent: never counted). */
        Map<String, Long> sum(Collection<String> buckets, Duration span, Duration recent);
    }

    /**
     * @param perClient anonymous responses per client within {@code clientWindow} before the next is held
     * @param surgeWindow how far back a pattern's arrivals are compared with its share (sliding, in {@code surgeSlot}s)
     * @param history how far back the share so far reaches (in {@code historySlot}s)
     */
    record Settings(int perClient, Duration clientWindow, PopularityRule popularity, Duration surgeWindow, Duration surgeSlot,
            Duration history, Duration historySlot) {
    }

    private final Settings settings;
    private final Counters counters;

    ReviewRules(Settings settings, Counters counters) {
        this.settings = settings;
        this.counters = counters;
    }

    /** For each response, in order: the reason to hold it, or empty to count it. */
    List<Optional<QuarantineReason>> classify(String survey, List<ReviewCandidate> batch) {
        Map<String, Integer> clientCosts = new HashMap<>();
        Map<String, Integer> arrivalCosts = new HashMap<>();
        Set<String> historyBuckets = new HashSet<>();
        for (ReviewCandidate r : batch) {
            if (r.clientHash() == null) {
                continue;
            }
            clientCosts.merge(clientBucket(survey, r.clientHash()), 1, Integer::sum);
            arrivalCosts.merge(arrived(survey, r.pattern()), 1, Integer::sum);
            arrivalCosts.merge(arrived(survey, null), 1, Integer::sum);
            historyBuckets.add(counted(survey, r.pattern()));
            historyBuckets.add(counted(survey, null));
        }
        List<Optional<QuarantineReason>> decisions = new ArrayList<>(batch.size());
        if (clientCosts.isEmpty()) {
            batch.forEach(r -> decisions.add(Optional.empty()));
            return decisions;
        }
        Map<String, Long> clients = counters.addSliding(clientCosts, settings.clientWindow());
        Map<String, Long> arrivals = counters.addToSlots(arrivalCosts, settings.surgeSlot(), settings.surgeWindow());
        // The share so far leaves out the window under review: a flood must not vouch for itself.
        Map<String, Long> history = counters.sum(historyBuckets, settings.history(), settings.surgeWindow());

        // The batch's own additions are the last ones in each window: the k-th of them stood at total - cost + k.
        Positions clientPositions = new Positions(clients, clientCosts);
        Positions arrivalPositions = new Positions(arrivals, arrivalCosts);
        Map<String, Integer> countedNow = new HashMap<>();
        for (ReviewCandidate r : batch) {
            if (r.clientHash() == null) {
                decisions.add(Optional.empty());
                continue;
            }
            long fromClient = clientPositions.next(clientBucket(survey, r.clientHash()));
            long ofPattern = arrivalPositions.next(arrived(survey, r.pattern()));
            long ofSurvey = arrivalPositions.next(arrived(survey, null));
            QuarantineReason reason = null;
            if (fromClient > settings.perClient()) {
                reason = QuarantineReason.CLIENT_BURST;
            } else if (settings.popularity().holds(ofPattern, ofSurvey,
                    history.getOrDefault(counted(survey, r.pattern()), 0L), history.getOrDefault(counted(survey, null), 0L),
                    r.prior())) {
                reason = QuarantineReason.ANSWER_SURGE;
            }
            if (reason == null) {
                countedNow.merge(r.pattern(), 1, Integer::sum);
                countedNow.merge(null, 1, Integer::sum);
            }
            decisions.add(Optional.ofNullable(reason));
        }
        Map<String, Integer> countedCosts = new HashMap<>();
        countedNow.forEach((pattern, n) -> countedCosts.put(counted(survey, pattern), n));
        if (!countedCosts.isEmpty()) {
            counters.addToSlots(countedCosts, settings.historySlot(), settings.history());
        }
        return decisions;
    }

    /** Where each of the batch's own additions stands in its bucket's count. */
    private static final class Positions {
        private final Map<String, Long> totals;
        private final Map<String, Integer> costs;
        private final Map<String, Integer> seen = new HashMap<>();

        Positions(Map<String, Long> totals, Map<String, Integer> costs) {
            this.totals = totals;
            this.costs = costs;
        }

        long next(String bucket) {
            return totals.getOrDefault(bucket, (long) costs.get(bucket)) - costs.get(bucket)
                    + seen.merge(bucket, 1, Integer::sum);
        }
    }

    static String clientBucket(String survey, String clientHash) {
        return "quarantine:client:" + clientHash + ":" + survey;
    }

    /** Arrivals of a pattern (null: of all anonymous responses) to the survey. */
    static String arrived(String survey, String pattern) {
        return "review:arrived:" + survey + (pattern == null ? "" : ":" + pattern);
    }

    /** Counted (not held) anonymous responses of a pattern (null: of all) to the survey. */
    static String counted(String survey, String pattern) {
        return "review:counted:" + survey + (pattern == null ? "" : ":" + pattern);
    }
}
