package org.viche.results;

import java.util.List;
import java.util.Optional;

import org.viche.region.Region;
import org.viche.region.RegionScheme;
import org.viche.results.ResultsView.Weighting;
import org.viche.results.ResultsView.WeightingTarget;

/**
 * What statistics.md requires beside every weighted figure: the method, the population figure
 * and its date for each region, and a limitations note saying what the intervals of an opt-in
 * sample mean. Shared by the results JSON and the data package so that both say the same.
 */
public final class WeightingDisclosure {

    public static final String METHOD = "post-stratification by region";

    public static final String FORMULA = "Overall figures weight a respondent in region h by w = P_h · n / n_h, where "
            + "P_h = N_h / ΣN is h's share of the population of the survey's regions that have respondents, n_h the "
            + "respondents in h and n all respondents (weights sum to n). Weighted intervals are Wilson intervals with n "
            + "replaced by Kish's effective sample size (Σw)² / Σw². Figures per region are unweighted.";

    public static final String LIMITATIONS = "Respondents chose to take part (an opt-in, self-selected sample), so the "
            + "figures describe the people who answered, not the population. The 95% intervals describe the sampling "
            + "variability of this sample under a model (independent respondents within each region, weighted to the "
            + "regions' population shares); they are not a margin of error for the population. Weighting corrects only "
            + "the mix of regions: it cannot remove self-selection within a region. Population figures are the "
            + "official estimates as of the date shown for each region; where people have since moved, the targets "
            + "are out of date.";

    private WeightingDisclosure() {
    }

    /**
     * @param weights the weights in use, to disclose each region's target share; null to give
     *        the population figures only (before any response is known)
     */
    public static Weighting of(String schemeCode, Optional<RegionScheme> scheme, List<String> regionCodes,
            RegionWeights weights) {
        List<WeightingTarget> targets = regionCodes.stream().map(code -> {
            Optional<Region> region = scheme.flatMap(s -> s.region(code));
            String note = region.map(Region::notes).filter(n -> n != null && !n.isBlank()).orElse(null);
            return new WeightingTarget(code, region.map(Region::population).orElse(null),
                    region.map(Region::populationDate).orElse(null),
                    weights == null ? null : weights.populationShare(code), note);
        }).toList();
        return new Weighting(METHOD, FORMULA, schemeCode, targets, LIMITATIONS);
    }
}
