package org.viche.results;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.viche.results.ResultsView.Cell;
import org.viche.results.ResultsView.OptionResult;
import org.viche.results.ResultsView.PositionCount;
import org.viche.results.ResultsView.QuestionResults;
import org.viche.results.ResultsView.RegionResponses;
import org.viche.results.ResultsView.ValueCount;
import org.viche.results.ResultsView.Weighted;
import org.viche.results.ResultsView.WeightedOption;
import org.viche.survey.QuestionType;
import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.SurveySnapshot;

/**
 * Turns a survey's counters into published figures: the one place where statistics.md is
 * implemented. Pure: no database, no clock, so every number is unit-testable by hand.
 */
public final class ResultsCalculator {

    static final String MULTIPLE_NOTE = "Respondents could choose several options: shares sum to more than 100%.";
    static final String RANKING_NOTE = "Borda points: with m options, rank 1 earns m-1 ... rank m earns 0; "
            + "options a respondent left unranked earn 0.";
    static final String TEXT_NOTE = "Free-text answers are never published; only how many respondents answered.";

    private final SurveySnapshot survey;
    private final TallySnapshot tally;
    private final int minCellSize;
    private final RegionWeights weights;

    public ResultsCalculator(SurveySnapshot survey, TallySnapshot tally, Map<String, Long> population) {
        this.survey = survey;
        this.tally = tally;
        this.minCellSize = survey.definition().minCellSize();
        Map<String, Long> respondents = new LinkedHashMap<>();
        survey.regionCodes().forEach(r -> respondents.put(r, tally.responses(r)));
        this.weights = RegionWeights.of(respondents, population);
    }

    /** The post-stratification weights in use, for the disclosure beside the figures. */
    RegionWeights weights() {
        return weights;
    }

    public ResultsView compute(OffsetDateTime generatedAt) {
        Map<String, Long> responsesByRegion = new LinkedHashMap<>();
        long total = 0;
        for (String region : survey.regionCodes()) {
            long n = tally.responses(region);
            responsesByRegion.put(region, n);
            total += n;
        }
        Set<String> hidden = Suppression.regionsToSuppress(responsesByRegion, minCellSize);
        List<RegionResponses> regions = new ArrayList<>();
        responsesByRegion.forEach((region, n) -> regions.add(hidden.contains(region)
                ? new RegionResponses(region, null, true) : new RegionResponses(region, n, false)));
        List<QuestionResults> questions = survey.definition().questionList().stream().map(this::question).toList();
        return new ResultsView(survey.slug(), total, generatedAt, minCellSize, regions, questions,
                sum(survey.regionCodes(), tally::quarantined), quarantinedByReason());
    }

    /** Held responses by reason, summed over regions; reasons with none are left out. */
    private Map<String, Long> quarantinedByReason() {
        Map<String, Long> byReason = new java.util.TreeMap<>();
        for (String reason : TallyBuckets.QUARANTINE_REASONS) {
            long n = sum(survey.regionCodes(), region -> tally.quarantined(region, reason));
            if (n > 0) {
                byReason.put(reason, n);
            }
        }
        return byReason;
    }

    private QuestionResults question(Question q) {
        Map<String, Long> answered = new LinkedHashMap<>();
        survey.regionCodes().forEach(r -> answered.put(r, tally.answered(q.key(), r)));
        Set<String> hidden = Suppression.regionsToSuppress(answered, minCellSize);
        List<Cell> byRegion = new ArrayList<>();
        for (String region : survey.regionCodes()) {
            byRegion.add(hidden.contains(region) ? Cell.suppressed(region) : cell(q, List.of(region), region, null));
        }
        long overallN = answered.values().stream().mapToLong(Long::longValue).sum();
        // The weighted figure and its n_eff, together with the visible regions, would give back
        // the counts of suppressed regions (w_h depends on n_h): publish it only when none is hidden.
        Weighted weighted = hidden.isEmpty() ? weighted(q, answered) : null;
        Cell overall = Suppression.isSmall(overallN, minCellSize) ? Cell.suppressed(null)
                : cell(q, survey.regionCodes(), null, weighted);
        return new QuestionResults(q.key(), q.type(), overall, byRegion, noteFor(q.questionType()));
    }

    private Cell cell(Question q, List<String> regions, String label, Weighted weighted) {
        long n = sum(regions, r -> tally.answered(q.key(), r));
        return switch (q.questionType()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> new Cell(label, n, false, choiceOptions(q, regions, n),
                    null, null, null, null, null, null, weighted);
            case SCALE -> scaleCell(q, regions, label, n);
            case RANKING -> new Cell(label, n, false, rankingOptions(q, regions, n),
                    null, null, null, null, null, null, null);
            case TEXT -> Cell.answeredOnly(label, n);
        };
    }

    private List<OptionResult> choiceOptions(Question q, List<String> regions, long n) {
        List<OptionResult> options = new ArrayList<>();
        for (Option o : q.optionList()) {
            long count = sum(regions, r -> tally.option(q.key(), r, o.key()));
            Double share = n == 0 ? null : (double) count / n;
            options.add(OptionResult.choice(o.key(), count, share, share == null ? null : Wilson.interval(share, n)));
        }
        return options;
    }

    private Cell scaleCell(Question q, List<String> regions, String label, long n) {
        List<ValueCount> distribution = new ArrayList<>();
        double sum = 0;
        for (int v = q.min(); v <= q.max(); v++) {
            int value = v;
            long count = sum(regions, r -> tally.value(q.key(), r, value));
            distribution.add(new ValueCount(v, count, n == 0 ? null : (double) count / n));
            sum += (double) v * count;
        }
        if (n == 0) {
            return new Cell(label, 0L, false, null, distribution, null, null, null, null, null, null);
        }
        double mean = sum / n;
        double squares = 0;
        for (ValueCount vc : distribution) {
            squares += vc.count() * (vc.value() - mean) * (vc.value() - mean);
        }
        Double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : null;
        long top = distribution.get(distribution.size() - 1).count() + distribution.get(distribution.size() - 2).count();
        long bottom = distribution.get(0).count() + distribution.get(1).count();
        return new Cell(label, n, false, null, distribution, mean, median(distribution, n), sd,
                (double) top / n, (double) bottom / n, null);
    }

    /** Median of a frequency table; with an even n, the mean of the two middle values (as R's median). */
    static double median(List<ValueCount> distribution, long n) {
        long lowerIndex = (n - 1) / 2;
        long upperIndex = n / 2;
        Integer lower = null;
        Integer upper = null;
        long seen = 0;
        for (ValueCount vc : distribution) {
            long next = seen + vc.count();
            if (lower == null && lowerIndex < next) {
                lower = vc.value();
            }
            if (upper == null && upperIndex < next) {
                upper = vc.value();
                break;
            }
            seen = next;
        }
        return (lower + upper) / 2.0;
    }

    private List<OptionResult> rankingOptions(Question q, List<String> regions, long n) {
        int m = q.optionList().size();
        List<OptionResult> options = new ArrayList<>();
        for (Option o : q.optionList()) {
            List<PositionCount> positions = new ArrayList<>();
            double points = 0;
            for (int p = 1; p <= m; p++) {
                int position = p;
                long count = sum(regions, r -> tally.ranked(q.key(), r, o.key(), position));
                positions.add(new PositionCount(p, count, n == 0 ? null : (double) count / n));
                points += (double) count * (m - p);
            }
            Double first = n == 0 ? null : (double) positions.get(0).count() / n;
            options.add(new OptionResult(o.key(), null, null, null, first,
                    first == null ? null : Wilson.interval(first, n), n == 0 ? null : points / n, positions));
        }
        return options;
    }

    private Weighted weighted(Question q, Map<String, Long> answered) {
        if (!(q.questionType() == QuestionType.SINGLE_CHOICE || q.questionType() == QuestionType.MULTIPLE_CHOICE)
                || weights.isEmpty()) {
            return null;
        }
        List<WeightedOption> options = new ArrayList<>();
        double nEffective = 0;
        double designEffect = 0;
        for (Option o : q.optionList()) {
            Map<String, Long> chosen = new LinkedHashMap<>();
            answered.keySet().forEach(r -> chosen.put(r, tally.option(q.key(), r, o.key())));
            RegionWeights.WeightedShare share = weights.share(answered, chosen);
            if (share == null) {
                return null;
            }
            nEffective = share.nEffective();
            designEffect = share.designEffect();
            options.add(new WeightedOption(o.key(), share.share(), Wilson.interval(share.share(), share.nEffective())));
        }
        return new Weighted(nEffective, designEffect, options);
    }

    private static String noteFor(QuestionType type) {
        return switch (type) {
            case MULTIPLE_CHOICE -> MULTIPLE_NOTE;
            case RANKING -> RANKING_NOTE;
            case TEXT -> TEXT_NOTE;
            default -> null;
        };
    }

    private static long sum(List<String> regions, java.util.function.ToLongFunction<String> count) {
        long total = 0;
        for (String region : regions) {
            total += count.applyAsLong(region);
        }
        return total;
    }
}
