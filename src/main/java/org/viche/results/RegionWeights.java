package org.viche.results;

import java.util.HashMap;
import java.util.Map;

/**
 * Post-stratification by region (statistics.md), for the microdata's weight column: a respondent in region h weighs
 * {@code w_h = P_h · n / n_h}, where P_h is h's share of the population of the survey's
 * regions that have respondents. Weights sum to n. Raking over a second margin (e.g. age
 * group) would iterate this adjustment per margin; it would live beside this class.
 */
public final class RegionWeights {

    private final Map<String, Double> weights;
    private final Map<String, Double> populationShares;

    private RegionWeights(Map<String, Double> weights, Map<String, Double> populationShares) {
        this.weights = weights;
        this.populationShares = populationShares;
    }

    /**
     * @param respondents n_h per region (regions with 0 respondents get no weight)
     * @param population N_h per region
     */
    public static RegionWeights of(Map<String, Long> respondents, Map<String, Long> population) {
        long n = 0;
        double populationWithRespondents = 0;
        for (Map.Entry<String, Long> e : respondents.entrySet()) {
            // answers that are not places (abroad, undisclosed) have no population: weight 0
            if (e.getValue() > 0 && population.containsKey(e.getKey())) {
                n += e.getValue();
                populationWithRespondents += population.getOrDefault(e.getKey(), 0L);
            }
        }
        Map<String, Double> weights = new HashMap<>();
        Map<String, Double> shares = new HashMap<>();
        if (n > 0 && populationWithRespondents > 0) {
            for (Map.Entry<String, Long> e : respondents.entrySet()) {
                if (e.getValue() > 0 && population.containsKey(e.getKey())) {
                    double share = population.getOrDefault(e.getKey(), 0L) / populationWithRespondents;
                    shares.put(e.getKey(), share);
                    weights.put(e.getKey(), share * n / e.getValue());
                }
            }
        }
        return new RegionWeights(weights, shares);
    }

    /** P_h, the weighting target of a region; null for a region without respondents (not weighted). */
    public Double populationShare(String region) {
        return populationShares.get(region);
    }

    public double weight(String region) {
        return weights.getOrDefault(region, 0.0);
    }

    public boolean isEmpty() {
        return weights.isEmpty();
    }

    /**
     * Weighted share of a yes/no outcome among those who answered, with Kish's effective
     * sample size. {@code answered} and {@code chosen} are per-region counts.
     */
    public WeightedShare share(Map<String, Long> answered, Map<String, Long> chosen) {
        double sumW = 0;
        double sumW2 = 0;
        double sumWChosen = 0;
        long n = 0;
        for (Map.Entry<String, Long> e : answered.entrySet()) {
            double w = weight(e.getKey());
            long a = e.getValue();
            sumW += w * a;
            sumW2 += w * w * a;
            sumWChosen += w * chosen.getOrDefault(e.getKey(), 0L);
            n += a;
        }
        if (sumW == 0) {
            return null;
        }
        double nEffective = sumW * sumW / sumW2;
        return new WeightedShare(sumWChosen / sumW, nEffective, n / nEffective);
    }

    public record WeightedShare(double share, double nEffective, double designEffect) {
    }
}
