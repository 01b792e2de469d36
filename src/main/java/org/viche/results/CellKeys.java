package org.viche.results;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Cell-key perturbation of public counts (statistics.md, docs/disclosure.md), the method of the
 * 2021 England and Wales census outputs. Every response gets a random record key 0..255 when it
 * is stored; a tally cell keeps the sum of its records' keys, and its cell key is that sum mod
 * 256. A public count is {@code c + d}, d read from {@link #TABLE} at (min(c, 20), cell key).
 *
 * <p>The table is fixed and published: for c ≥ 1 each row holds, over the 256 keys, 13 × −2,
 * 51 × −1, 128 × 0, 51 × +1 and 13 × +2 (probabilities 0.051, 0.199, 0.5, 0.199, 0.051 — the
 * nearest whole numbers of keys to 0.05, 0.20, 0.50, 0.20, 0.05), in an order shuffled by a
 * fixed seed per row; a d that would make c + d less than 1 becomes 1 − c (a non-empty cell never shows 0). Row 0 is all zeros. Secrecy
 * lies in the record keys, never in the table: the same records always give the same d, and one
 * response more changes c and the cell key and so draws a fresh d.
 */
public final class CellKeys {

    public static final int KEYS = 256;
    public static final int MAX_ROW = 20;
    public static final int MAX_ABS = 2;
    static final int[] SPREAD = {13, 51, 128, 51, 13};

    /** TABLE[min(c, 20)][cellKey] = d. */
    private static final int[][] TABLE = build();

    private static final SecureRandom RANDOM = new SecureRandom();

    private CellKeys() {
    }

    /** A fresh record key for a new response: uniform on 0..255, unpredictable. */
    public static short newRecordKey() {
        return (short) RANDOM.nextInt(KEYS);
    }

    /** The cell key of a cell whose records' keys sum to {@code keySum} (any sign: taken mod 256). */
    public static int cellKey(long keySum) {
        return (int) Math.floorMod(keySum, (long) KEYS);
    }

    /** The perturbation d for a cell of count c and the given key sum. */
    public static int perturbation(long count, long keySum) {
        if (count <= 0) {
            return 0;
        }
        return TABLE[(int) Math.min(count, MAX_ROW)][cellKey(keySum)];
    }

    /** The public count c + d (never negative; 0 stays 0). */
    public static long perturb(long count, long keySum) {
        return count + perturbation(count, keySum);
    }

    /** The table as published: row c (0..20) lists d for keys 0..255. */
    public static List<List<Integer>> table() {
        List<List<Integer>> rows = new ArrayList<>();
        for (int[] row : TABLE) {
            List<Integer> values = new ArrayList<>(KEYS);
            for (int d : row) {
                values.add(d);
            }
            rows.add(List.copyOf(values));
        }
        return List.copyOf(rows);
    }

    private static int[][] build() {
        int[][] table = new int[MAX_ROW + 1][KEYS];
        for (int c = 1; c <= MAX_ROW; c++) {
            int[] row = table[c];
            int at = 0;
            for (int i = 0; i < SPREAD.length; i++) {
                for (int j = 0; j < SPREAD[i]; j++) {
                    row[at++] = i - MAX_ABS;
                }
            }
            // Fisher–Yates with splitmix64, written out so that the published table never
            // depends on a library's random generator
            long state = 0x5EED_0000L + c;
            for (int i = KEYS - 1; i > 0; i--) {
                state += 0x9E3779B97F4A7C15L;
                long z = state;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z = z ^ (z >>> 31);
                int j = (int) Math.floorMod(z, (long) (i + 1));
                int swap = row[i];
                row[i] = row[j];
                row[j] = swap;
            }
            for (int k = 0; k < KEYS; k++) {
                // a non-empty cell never shows as 0: zeros stay exact, as the zero rule assumes
                if (c + row[k] < 1) {
                    row[k] = 1 - c;
                }
            }
        }
        return table;
    }
}
