package org.viche.results;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Disclosure control (statistics.md): cells with 0 < n < minCellSize are suppressed; if that
 * leaves exactly one suppressed region, the overall total minus the others would reveal it,
 * so the next-smallest region is suppressed too. Empty cells (n = 0) are shown as 0.
 */
public final class Suppression {

    private Suppression() {
    }

    public static boolean isSmall(long n, int minCellSize) {
        return n > 0 && n < minCellSize;
    }

    /** @return the regions whose cells must be suppressed */
    public static Set<String> regionsToSuppress(Map<String, Long> nByRegion, int minCellSize) {
        Set<String> suppressed = new HashSet<>();
        nByRegion.forEach((region, n) -> {
            if (isSmall(n, minCellSize)) {
                suppressed.add(region);
            }
        });
        if (suppressed.size() == 1) {
            nByRegion.entrySet().stream()
                    .filter(e -> e.getValue() > 0 && !suppressed.contains(e.getKey()))
                    .min(Comparator.comparingLong(Map.Entry<String, Long>::getValue).thenComparing(Map.Entry::getKey))
                    .ifPresent(e -> suppressed.add(e.getKey()));
        }
        return suppressed;
    }
}
