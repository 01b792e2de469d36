package org.viche.results;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Disclosure control for one list of regions (statistics.md): cells with 0 < n < minCellSize
 * are hidden; if exactly one non-zero region stands hidden, the next-smallest non-zero one is
 * hidden too (else the total minus the others gives it back); and when even that leaves fewer
 * than two non-zero regions hidden together, the zero regions are hidden with them, so that a
 * lone small region cannot be read off the zeros around it.
 */
public final class Suppression {

    private Suppression() {
    }

    public static boolean isSmall(long n, int minCellSize) {
        return n > 0 && n < minCellSize;
    }

    /** @return the regions whose cells must be suppressed */
    public static Set<String> regionsToSuppress(Map<String, Long> nByRegion, int minCellSize) {
        return regionsToSuppress(nByRegion, minCellSize, Set.of());
    }

    /**
     * @param forced regions hidden already (by the survey-level list, or a linked question)
     * @return the regions whose cells must be suppressed, a superset of {@code forced} within the map's regions
     */
    public static Set<String> regionsToSuppress(Map<String, Long> nByRegion, int minCellSize, Set<String> forced) {
        Set<String> hidden = new LinkedHashSet<>();
        nByRegion.forEach((region, n) -> {
            if (forced.contains(region) || isSmall(n, minCellSize)) {
                hidden.add(region);
            }
        });
        if (nonZeroHidden(nByRegion, hidden) == 1) {
            nByRegion.entrySet().stream()
                    .filter(e -> e.getValue() > 0 && !hidden.contains(e.getKey()))
                    .min(Comparator.comparingLong(Map.Entry<String, Long>::getValue).thenComparing(Map.Entry::getKey))
                    .ifPresent(e -> hidden.add(e.getKey()));
        }
        if (nonZeroHidden(nByRegion, hidden) == 1) {
            nByRegion.forEach((region, n) -> {
                if (n == 0) {
                    hidden.add(region);
                }
            });
        }
        return hidden;
    }

    private static long nonZeroHidden(Map<String, Long> nByRegion, Set<String> hidden) {
        return hidden.stream().filter(r -> nByRegion.getOrDefault(r, 0L) > 0).count();
    }
}
