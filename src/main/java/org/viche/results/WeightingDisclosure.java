package org.viche.results;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.viche.region.Region;
import org.viche.region.RegionScheme;
import org.viche.results.ResultsView.Weighting;
import org.viche.results.ResultsView.WeightingTarget;

/**
 * What statistics.md requires beside every weighted figure: the method, the population figure
 * and its date for each place, which hidden places were pooled into one stratum, which answers
 * are not weighted at all, and what the intervals of an opt-in sample mean. Shared by the
 * results JSON and the data package so that both say the same.
 */
public final class WeightingDisclosure {

    public static final String METHOD = "post-stratification by region, hidden regions pooled";

    public static final String FORMULA = "Overall figures are post-stratified on the published partition: every region "
            + "shown is a stratum of its own, and all regions hidden by disclosure control together form one pooled "
            + "stratum (its population the sum of theirs, its respondents the sum of theirs; listed in pooledRegions, and "
            + "per question in its weighted.pooledRegions). A respondent in stratum s weighs w = P_s · n / n_s, where P_s "
            + "is s's share of the population of the strata with respondents to the question, n_s its respondents and n "
            + "all weighted respondents (weights sum to n). Weighted shares are Σ P_s·p_s; weighted intervals are Wilson "
            + "intervals with n replaced by Kish's effective sample size (Σw)² / Σw² = 1 / Σ P_s²/n_s. SCALE questions get "
            + "a weighted mean with standard error sqrt(weighted variance / n_eff); RANKING questions weighted mean Borda "
            + "points. Answers that are not places (living abroad, preferring not to say; listed in notWeighted) are "
            + "counted and shown but outside the weighting. Public weighted figures are computed from the perturbed "
            + "counts. If no region of a question is shown, no weighted figure is published. Figures per region are "
            + "unweighted.";

    public static final String LIMITATIONS = "Weighting corrects only the mix of regions: it cannot remove "
            + "self-selection within a region. Population figures are the official estimates as of the date shown for "
            + "each region; where people have since moved, the targets are out of date.";

    private WeightingDisclosure() {
    }

    /** @param pooled the places hidden in the survey-level list, pooled into one stratum */
    public static Weighting of(String schemeCode, Optional<RegionScheme> scheme, List<String> regionCodes,
            Set<String> pooled) {
        List<String> notWeighted = regionCodes.stream()
                .filter(code -> scheme.flatMap(s -> s.region(code)).map(r -> !r.isPlace()).orElse(false)).toList();
        List<WeightingTarget> targets = regionCodes.stream().filter(code -> !notWeighted.contains(code)).map(code -> {
            Optional<Region> region = scheme.flatMap(s -> s.region(code));
            String note = region.map(Region::notes).filter(n -> n != null && !n.isBlank()).orElse(null);
            return new WeightingTarget(code, region.map(Region::population).orElse(null),
                    region.map(Region::populationDate).orElse(null), null, note);
        }).toList();
        List<String> pooledPlaces = regionCodes.stream().filter(pooled::contains).filter(c -> !notWeighted.contains(c))
                .toList();
        return new Weighting(METHOD, FORMULA, schemeCode, targets, pooledPlaces.isEmpty() ? null : pooledPlaces,
                notWeighted.isEmpty() ? null : notWeighted, LIMITATIONS);
    }
}
