package org.viche.quarantine;

import java.util.List;
import java.util.Map;

/**
 * Tells a crowd from a flood: a popular answer is not an attack. A pattern (one answer set
 * within one region) is held only when it arrives far faster than its share so far predicts:
 * when even an upper bound on the binomial tail of its count in the window is below
 * {@code tail}, AND it exceeds that prediction by at least {@code minExcess} responses.
 *
 * <p>The prediction tolerates drift: the share used is {@code tolerance} times the pattern's
 * share so far (a pattern may double its share within minutes as an audience changes — a
 * broadcast in one region — without being held). The share so far blends what the survey has
 * counted with a prior of {@code priorWeight} pseudo-responses at the pattern's prior share,
 * so a survey's first minutes, with no history yet, are judged against the prior.
 *
 * <p>Pure arithmetic on counts: the same code decides in the service and in the simulation
 * under {@code bench/}.
 */
record PopularityRule(double tail, int minExcess, double tolerance, double priorWeight) {

    /**
     * @param arrived responses of this pattern in the window, this one included
     * @param arrivedAll responses to the survey in the window, this one included
     * @param counted responses of this pattern counted so far (held ones excluded)
     * @param countedAll responses to the survey counted so far
     * @param prior the share this pattern may plausibly have before anything is known
     */
    boolean holds(long arrived, long arrivedAll, long counted, long countedAll, double prior) {
        double share = (counted + priorWeight * prior) / (countedAll + priorWeight);
        double allowed = Math.min(1.0, tolerance * share);
        if (arrived - arrivedAll * allowed < minExcess) {
            return false;
        }
        return upperTailBound(arrived, arrivedAll, allowed) < tail;
    }

    /**
     * An upper bound on P(X ≥ x) for X ~ Binomial(n, p), x above the mean: the Chernoff
     * bound exp(−n·D(x/n ‖ p)). It never understates the tail, so a count it calls improbable
     * is at least that improbable: the bound can only spare a response, never hold one wrongly.
     */
    static double upperTailBound(long x, long n, double p) {
        if (n <= 0 || x <= n * p) {
            return 1.0;
        }
        if (p <= 0) {
            return 0.0;
        }
        if (p >= 1) {
            return 1.0;
        }
        double q = (double) x / n;
        double divergence = q * Math.log(q / p) + (q < 1 ? (1 - q) * Math.log((1 - q) / (1 - p)) : 0.0);
        return Math.exp(-n * divergence);
    }

    /**
     * Before a survey has history, any answer set may be as common as its whole region: the
     * region's population share among the survey's regions, and never less than an even
     * share (answers from abroad, or "prefer not to say", have no population of their own).
     */
    static double prior(Map<String, Long> populations, List<String> surveyRegions, String region) {
        long total = surveyRegions.stream().mapToLong(r -> populations.getOrDefault(r, 0L)).sum();
        double even = 1.0 / Math.max(1, surveyRegions.size());
        double byPopulation = total == 0 ? 0 : (double) populations.getOrDefault(region, 0L) / total;
        return Math.max(even, byPopulation);
    }

}
