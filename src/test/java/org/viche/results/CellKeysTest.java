package org.viche.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The published perturbation table (statistics.md, docs/disclosure.md). */
class CellKeysTest {

    @Test
    void anEmptyCellIsNeverPerturbed() {
        for (int key = 0; key < CellKeys.KEYS; key++) {
            assertEquals(0, CellKeys.perturb(0, key));
        }
    }

    @Test
    void eachRowSpreadsMinusTwoToPlusTwoWithTheStatedProbabilities() {
        for (int c = 3; c <= CellKeys.MAX_ROW; c++) {
            int[] seen = new int[5];
            for (int key = 0; key < CellKeys.KEYS; key++) {
                seen[CellKeys.perturbation(c, key) + 2]++;
            }
            assertEquals(List.of(13, 51, 128, 51, 13), List.of(seen[0], seen[1], seen[2], seen[3], seen[4]), "row " + c);
        }
    }

    @Test
    void aNonEmptyCellNeverShowsZeroOrLessAndMovesAtMostTwo() {
        for (long c = 1; c <= 40; c++) {
            for (int key = 0; key < CellKeys.KEYS; key++) {
                long shown = CellKeys.perturb(c, key);
                assertTrue(shown >= 1 && Math.abs(shown - c) <= 2, c + " at key " + key + " shows " + shown);
            }
        }
    }

    @Test
    void countsAboveTwentyUseRowTwentyAndTheKeyIsTheSumMod256() {
        for (int key = 0; key < CellKeys.KEYS; key++) {
            assertEquals(CellKeys.perturbation(20, key), CellKeys.perturbation(5000, key));
            assertEquals(CellKeys.perturbation(12, key), CellKeys.perturbation(12, key + 256L * 7));
            assertEquals(CellKeys.perturbation(12, key), CellKeys.perturbation(12, key - 256L));
        }
    }

    @Test
    void theTableIsFixedAndWhatIsPublishedIsWhatIsApplied() {
        List<List<Integer>> table = CellKeys.table();
        assertEquals(CellKeys.MAX_ROW + 1, table.size());
        for (int c = 0; c <= CellKeys.MAX_ROW; c++) {
            for (int key = 0; key < CellKeys.KEYS; key++) {
                assertEquals(table.get(c).get(key).intValue(), CellKeys.perturbation(c, key));
            }
        }
        // rows are shuffled independently, so one key does not move every count the same way
        assertNotEquals(table.get(10), table.get(11));
    }

    @Test
    void recordKeysCoverTheWholeRange() {
        boolean[] seen = new boolean[CellKeys.KEYS];
        for (int i = 0; i < 20_000; i++) {
            seen[CellKeys.newRecordKey()] = true;
        }
        for (boolean s : seen) {
            assertTrue(s);
        }
    }
}
