package org.viche.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void suppressesSmallCellsButNotEmptyOnes() {
        assertEquals(Set.of("A", "B"), Suppression.regionsToSuppress(Map.of("A", 3L, "B", 9L, "C", 10L, "D", 0L, "E", 50L), 10));
    }

    @Test
    void aLoneSuppressedRegionTakesTheNextSmallestWithIt() {
        // A alone would be revealed by the total minus the others: C (12) is the next smallest
        assertEquals(Set.of("A", "C"), Suppression.regionsToSuppress(Map.of("A", 3L, "B", 40L, "C", 12L, "D", 0L), 10));
    }

    @Test
    void nothingIsSuppressedWhenEveryCellIsLargeEnough() {
        assertEquals(Set.of(), Suppression.regionsToSuppress(Map.of("A", 10L, "B", 11L), 10));
    }

    @Test
    void aLoneSmallRegionHidesTheZerosAroundIt() {
        // 3 respondents, all in A: showing the others as 0 would point at A
        assertEquals(Set.of("A", "B", "C"), Suppression.regionsToSuppress(Map.of("A", 3L, "B", 0L, "C", 0L), 10));
    }

    @Test
    void zerosStayShownWhenTwoNonZeroRegionsAreHiddenTogether() {
        assertEquals(Set.of("A", "B"), Suppression.regionsToSuppress(Map.of("A", 3L, "B", 4L, "C", 0L, "D", 30L), 10));
    }

    @Test
    void aForcedRegionCountsAsHiddenForTheComplement() {
        // B is hidden by a linked question although it is large: with A, two non-zero regions stand hidden
        assertEquals(Set.of("A", "B"),
                Suppression.regionsToSuppress(Map.of("A", 3L, "B", 40L, "C", 20L, "D", 90L), 10, Set.of("B")));
        // a forced large region alone still takes the next-smallest with it
        assertEquals(Set.of("B", "C"), Suppression.regionsToSuppress(Map.of("B", 40L, "C", 20L, "D", 90L), 10, Set.of("B")));
    }
}
