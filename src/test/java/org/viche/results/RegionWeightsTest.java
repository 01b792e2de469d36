package org.viche.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RegionWeightsTest {

    // Region A: population 300, 2 respondents; B: population 100, 6 respondents; C: no respondents.
    private final RegionWeights weights = RegionWeights.of(Map.of("A", 2L, "B", 6L, "C", 0L),
            Map.of("A", 300L, "B", 100L, "C", 1_000L));

    @Test
    void weightsArePopulationShareTimesNOverRegionN() {
        // P_A = 300/400 (C has no respondents, so it is left out), w_A = 0.75 · 8 / 2
        assertEquals(3.0, weights.weight("A"), 1e-12);
        assertEquals(1.0 / 3.0, weights.weight("B"), 1e-12);
        assertEquals(0.0, weights.weight("C"), 1e-12);
    }

    @Test
    void populationSharesCountOnlyRegionsWithRespondents() {
        assertEquals(0.75, weights.populationShare("A"), 1e-12);
        assertEquals(0.25, weights.populationShare("B"), 1e-12);
        assertNull(weights.populationShare("C"));
    }

    @Test
    void weightsSumToTheSampleSize() {
        assertEquals(8.0, 2 * weights.weight("A") + 6 * weights.weight("B"), 1e-12);
    }

    @Test
    void weightedShareAndKishEffectiveSampleSize() {
        // chose: 1 of 2 in A, 3 of 6 in B → 0.75·0.5 + 0.25·0.5 = 0.5
        // Σw = 8, Σw² = 2·9 + 6/9 = 56/3, n_eff = 64 / (56/3) = 24/7
        RegionWeights.WeightedShare share = weights.share(Map.of("A", 2L, "B", 6L), Map.of("A", 1L, "B", 3L));
        assertEquals(0.5, share.share(), 1e-12);
        assertEquals(24.0 / 7.0, share.nEffective(), 1e-12);
        assertEquals(8.0 / (24.0 / 7.0), share.designEffect(), 1e-12);
    }

    @Test
    void weightedShareMovesTowardTheLargerPopulation() {
        // A: 2 of 2 chose it, B: 0 of 6 → weighted 0.75, unweighted 0.25
        RegionWeights.WeightedShare share = weights.share(Map.of("A", 2L, "B", 6L), Map.of("A", 2L, "B", 0L));
        assertEquals(0.75, share.share(), 1e-12);
    }
}
