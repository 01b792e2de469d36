package org.viche.results;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Simulated success rates of the attacks in docs/disclosure.md, 1,000 trials each, against the
 * published rules: {@link CellKeys} perturbation, suppression below minCellSize (10), pooled
 * strata and the snapshot cadence. A success is an attacker's best guess equal to the exact
 * hidden value. Rerun with (after {@code ./mvnw -B -q test-compile}):
 * {@code java -cp target/classes:target/test-classes org.viche.results.AttackSimulation}
 */
public final class AttackSimulation {

    static final int TRIALS = 1000;
    static final int MIN_CELL = 10;

    private AttackSimulation() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--table")) {
            // the perturbation table as docs/disclosure.md prints it: one digit d + 2 per cell key
            for (int c = 1; c <= CellKeys.MAX_ROW; c++) {
                StringBuilder row = new StringBuilder();
                for (int d : CellKeys.table().get(c)) {
                    row.append(d + CellKeys.MAX_ABS);
                }
                System.out.println(String.format(Locale.ROOT, "%2d %s", c, row));
            }
            return;
        }
        SplittableRandom random = new SplittableRandom(args.length > 0 ? Long.parseLong(args[0]) : 2026);
        System.out.println("| attack | success (exact value recovered) | without disclosure control |");
        System.out.println("|---|---|---|");
        row("Follow-up question reveals its parent's hidden cell", pooledSplit(random), 1.0);
        row("Lone small region read off the total and the zeros", loneRegion(random), 1.0);
        row("Two snapshots around one response (its answer)", snapshots(random), 1.0);
        row("Weighted share + n_eff give back a hidden count", pooledSplit(random), 1.0);
        row("Known responses into a hidden region until it shows, then subtracted", flood(random, 1), 1.0);
        for (int snapshots : new int[] {10, 50, 200}) {
            row("Known responses + averaging " + snapshots + " snapshots (" + snapshots * MIN_CELL
                    + " responses, " + snapshots + " publish intervals)", flood(random, snapshots), 1.0);
        }
    }

    private static void row(String attack, double rate, double baseline) {
        System.out.println(String.format(Locale.ROOT, "| %s | %.1f%% | %.0f%% |", attack, 100 * rate, 100 * baseline));
    }

    private static int key(SplittableRandom random) {
        return random.nextInt(CellKeys.KEYS);
    }

    /**
     * Two non-zero regions hidden together (complementary suppression, a linked follow-up, or
     * the pooled stratum of the weighting): the attacker knows at best the pooled group's
     * perturbed size (overall minus the visible regions, each perturbed on its own) and guesses
     * the target's share of it.
     */
    private static double pooledSplit(SplittableRandom random) {
        int hits = 0;
        for (int t = 0; t < TRIALS; t++) {
            int target = 1 + random.nextInt(MIN_CELL - 1);
            int partner = 1 + random.nextInt(MIN_CELL - 1);
            int visible = 20 + random.nextInt(200);
            long overall = CellKeys.perturb(target + partner + visible, key(random));
            long pooled = overall - CellKeys.perturb(visible, key(random));
            long guess = Math.max(1, Math.min(MIN_CELL - 1, Math.round(pooled / 2.0)));
            hits += guess == target ? 1 : 0;
        }
        return (double) hits / TRIALS;
    }

    /** A lone small region with every other region and the total hidden: nothing but the prior remains. */
    private static double loneRegion(SplittableRandom random) {
        int hits = 0;
        for (int t = 0; t < TRIALS; t++) {
            int secret = 1 + random.nextInt(MIN_CELL - 1);
            int guess = 1 + random.nextInt(MIN_CELL - 1);
            hits += guess == secret ? 1 : 0;
        }
        return (double) hits / TRIALS;
    }

    /**
     * The cadence puts at least minCellSize responses between two snapshots; the attacker
     * watches one person answer (sez or dmz) among them and reads the difference of the
     * perturbed sez counts of the region: more than half of the others' answers hidden in it.
     */
    private static double snapshots(SplittableRandom random) {
        int hits = 0;
        for (int t = 0; t < TRIALS; t++) {
            int before = 10 + random.nextInt(100);
            boolean targetSez = random.nextBoolean();
            int othersSez = 0;
            for (int i = 0; i < MIN_CELL - 1; i++) {
                othersSez += random.nextBoolean() ? 1 : 0;
            }
            int after = before + othersSez + (targetSez ? 1 : 0);
            long difference = CellKeys.perturb(after, key(random)) - CellKeys.perturb(before, key(random));
            // the others add (minCellSize - 1) / 2 on average: more than that points to sez
            boolean guessSez = difference > (MIN_CELL - 1) / 2.0;
            hits += guessSez == targetSez ? 1 : 0;
        }
        return (double) hits / TRIALS;
    }

    /**
     * The attacker adds one known response per snapshot to a hidden region (whose secret count
     * is 1..9) until it shows, then keeps adding for {@code snapshots} snapshots in all, each
     * with a fresh cell key; the estimate is the rounded mean of (shown - added).
     */
    private static double flood(SplittableRandom random, int snapshots) {
        int hits = 0;
        for (int t = 0; t < TRIALS; t++) {
            int secret = 1 + random.nextInt(MIN_CELL - 1);
            long keySum = 0;
            for (int i = 0; i < secret; i++) {
                keySum += key(random);
            }
            int added = 0;
            double sum = 0;
            int seen = 0;
            while (seen < snapshots) {
                added++;
                keySum += key(random);
                long shown = CellKeys.perturb(secret + added, keySum);
                if (shown < MIN_CELL && seen == 0) {
                    continue;
                }
                sum += shown - added;
                seen++;
            }
            hits += Math.round(sum / seen) == secret ? 1 : 0;
        }
        return (double) hits / TRIALS;
    }
}
