package org.viche.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * statistics.md written a second time, as plainly as possible, over raw answers (lists of
 * values, not counters) and sharing no code with the service: the yardstick the published
 * figures are checked against. Where the document leaves a tie open (which region is the
 * "next-smallest"), the test data avoids the tie rather than copying the service's choice.
 */
final class ReferenceStatistics {

    static final double Z = 1.959964;

    private ReferenceStatistics() {
    }

    /** Wilson score interval: centre ± half, both over (1 + z²/n). */
    static double[] wilson(double p, double n) {
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Cells with 0 < n < min; if exactly one, also the smallest other region with respondents. */
    static Set<String> suppressed(Map<String, Integer> nByRegion, int minCellSize) {
        return suppressed(nByRegion, minCellSize, Set.of());
    }

    /** As statistics.md: forced and small cells, one complementary cell, zeros hidden beside a lone hidden one. */
    static Set<String> suppressed(Map<String, Integer> nByRegion, int minCellSize, Set<String> forced) {
        Set<String> hidden = new HashSet<>();
        for (Map.Entry<String, Integer> e : nByRegion.entrySet()) {
            if (forced.contains(e.getKey()) || e.getValue() > 0 && e.getValue() < minCellSize) {
                hidden.add(e.getKey());
            }
        }
        if (hidden.stream().filter(r -> nByRegion.get(r) > 0).count() == 1) {
            String next = null;
            for (Map.Entry<String, Integer> e : nByRegion.entrySet()) {
                if (e.getValue() > 0 && !hidden.contains(e.getKey()) && (next == null || e.getValue() < nByRegion.get(next))) {
                    next = e.getKey();
                }
            }
            if (next != null) {
                hidden.add(next);
            }
        }
        if (hidden.stream().filter(r -> nByRegion.get(r) > 0).count() == 1) {
            nByRegion.forEach((r, n) -> {
                if (n == 0) {
                    hidden.add(r);
                }
            });
        }
        return hidden;
    }

    static double mean(List<Integer> values) {
        double sum = 0;
        for (int v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    /** Sample standard deviation (n − 1), as R's sd(). */
    static double sd(List<Integer> values) {
        double mean = mean(values);
        double squares = 0;
        for (int v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.size() - 1));
    }

    /** As R's median(): the middle value, or the mean of the two middle values. */
    static double median(List<Integer> values) {
        List<Integer> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Share of values among the two highest (or lowest) points of the scale. */
    static double box(List<Integer> values, int first, int second) {
        long in = values.stream().filter(v -> v == first || v == second).count();
        return (double) in / values.size();
    }

    /** Borda points of one option in one ranking: m − position, 0 if unranked. */
    static int borda(List<String> ranking, String option, int m) {
        int index = ranking.indexOf(option);
        return index < 0 ? 0 : m - (index + 1);
    }

    /**
     * Post-stratification weight per region: P_h · n / n_h, P_h among regions with respondents.
     *
     * @param respondents n_h of every survey region (all respondents, whatever they answered)
     */
    static Map<String, Double> weights(Map<String, Integer> respondents, Map<String, Long> population) {
        double populationWithRespondents = 0;
        int n = 0;
        for (Map.Entry<String, Integer> e : respondents.entrySet()) {
            if (e.getValue() > 0) {
                populationWithRespondents += population.get(e.getKey());
                n += e.getValue();
            }
        }
        Map<String, Double> weights = new HashMap<>();
        for (Map.Entry<String, Integer> e : respondents.entrySet()) {
            if (e.getValue() > 0) {
                weights.put(e.getKey(), population.get(e.getKey()) / populationWithRespondents * n / e.getValue());
            }
        }
        return weights;
    }

    /** Weighted share of one yes/no outcome, with Kish's n_eff and the design effect. */
    record Weighted(double share, double nEffective, double designEffect, double[] ci95) {
    }

    static Weighted weighted(List<Double> weightsOfAnswerers, List<Boolean> chose) {
        double sumW = 0;
        double sumW2 = 0;
        double sumChosen = 0;
        for (int i = 0; i < weightsOfAnswerers.size(); i++) {
            double w = weightsOfAnswerers.get(i);
            sumW += w;
            sumW2 += w * w;
            if (chose.get(i)) {
                sumChosen += w;
            }
        }
        double share = sumChosen / sumW;
        double nEffective = sumW * sumW / sumW2;
        return new Weighted(share, nEffective, weightsOfAnswerers.size() / nEffective, wilson(share, nEffective));
    }
}
