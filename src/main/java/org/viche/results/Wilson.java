package org.viche.results;

/**
 * The Wilson score interval (statistics.md): unlike Wald's it never collapses to [0, 0]
 * at p = 0 nor spills outside [0, 1]. R: {@code prop.test(x, n, correct = FALSE)$conf.int}.
 */
public final class Wilson {

    public static final double Z95 = 1.959964;

    private Wilson() {
    }

    /** @param p observed share, @param n sample size (may be an effective, non-integer n) */
    public static double[] interval(double p, double n) {
        if (n <= 0) {
            return null;
        }
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // exact at the edges: rounding leaves 1 − 1e-16 at p = 1 and 1e-17 at p = 0 otherwise
        double low = p <= 0 ? 0 : Math.max(0, centre - half);
        double high = p >= 1 ? 1 : Math.min(1, centre + half);
        return new double[] {low, high};
    }
}
