package org.viche.quarantine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PopularityRuleTest {

    final PopularityRule rule = new PopularityRule(1e-6, 50, 4.0, 200);

    @Test
    void chernoffBoundNeverUnderstatesTheExactTail() {
        // P(X >= 8 | n = 10, p = 0.3) = 0.0015903864 (exact, by summing the binomial terms)
        double bound = PopularityRule.upperTailBound(8, 10, 0.3);
        assertTrue(bound >= 0.0015903864, "bound " + bound);
        assertTrue(bound < 0.05, "and still informative: " + bound);
        assertEquals(1.0, PopularityRule.upperTailBound(3, 10, 0.3));
    }

    @Test
    void aPopularAnswerAtItsUsualShareIsNeverHeld() {
        // 70% of a region of 10% of the survey: 7% share so far, 7% now, in a busy window.
        assertFalse(rule.holds(700, 10_000, 7_000, 100_000, 0.1));
        // Twice its usual share (an audience shift): still within the tolerance.
        assertFalse(rule.holds(1_400, 10_000, 7_000, 100_000, 0.1));
    }

    @Test
    void aFloodFarAboveItsShareIsHeld() {
        assertTrue(rule.holds(5_000, 10_000, 7_000, 100_000, 0.1));
    }

    @Test
    void neverFewerThanTheLeastExcess() {
        // 60 of 60 in the first seconds, against a prior of 10%: improbable, but only 36 beyond the tolerance.
        assertFalse(rule.holds(60, 60, 0, 0, 0.1));
        assertTrue(rule.holds(100, 100, 0, 0, 0.1));
    }

    @Test
    void priorIsTheRegionsPopulationShareButNeverBelowAnEvenShare() {
        Map<String, Long> populations = Map.of("A", 800L, "B", 100L, "C", 100L);
        assertEquals(0.8, PopularityRule.prior(populations, List.of("A", "B", "C"), "A"), 1e-9);
        assertEquals(1.0 / 3, PopularityRule.prior(populations, List.of("A", "B", "C"), "B"), 1e-9);
        assertEquals(1.0 / 4, PopularityRule.prior(populations, List.of("A", "B", "C", "ABROAD"), "ABROAD"), 1e-9);
    }
}
