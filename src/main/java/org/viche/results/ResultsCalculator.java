package org.viche.results;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.viche.results.ResultsView.Cell;
import org.viche.results.ResultsView.OptionResult;
import org.viche.results.ResultsView.Perturbation;
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
 *
 * <p>Public figures ({@link Counting#PERTURBED}) are computed from cell-key perturbed counts
 * only, and every disclosure decision is taken on those same counts, so nothing published is a
 * function of an exact count. Admin and researcher readers get {@link Counting#EXACT}.
 */
public final class ResultsCalculator {

    static final String MULTIPLE_NOTE = "Respondents could choose several options: shares sum to more than 100%.";
    static final String RANKING_NOTE = "Borda points: with m options, rank 1 earns m-1 ... rank m earns 0; "
            + "options a respondent left unranked earn 0.";
    static final String TEXT_NOTE = "Free-text answers are never published; only how many respondents answered.";
    static final String PERTURBATION_METHOD = "Cell-key perturbation: each public count is c + d, with d read from "
            + "table[min(c, 20)][cell key], the cell key being the sum of its responses' secret random record keys mod 256. "
            + "d is 0 for c = 0 and otherwise -2..+2; shares and intervals are computed from the perturbed counts.";

    /** Exact counts (admin, researcher) or cell-key perturbed ones (everyone else). */
    public enum Counting { EXACT, PERTURBED }

    /**
     * One publication's suppression pattern: the regions hidden in the survey-level list and in
     * each question. Computed once; every output (JSON, CSV, page) renders the same view.
     */
    public record Pattern(Set<String> survey, Map<String, Set<String>> questions) {

        public static final Pattern NONE = new Pattern(Set.of(), Map.of());

        Set<String> question(String key) {
            return questions.getOrDefault(key, Set.of());
        }
    }

    private final SurveySnapshot survey;
    private final TallySnapshot tally;
    private final int minCellSize;
    private final Map<String, Long> population;
    private final Counting counting;

    public ResultsCalculator(SurveySnapshot survey, TallySnapshot tally, Map<String, Long> population) {
        this(survey, tally, population, Counting.EXACT);
    }

    /** @param population N_h per place; regions missing here (abroad, undisclosed) are not weighted */
    public ResultsCalculator(SurveySnapshot survey, TallySnapshot tally, Map<String, Long> population,
            Counting counting) {
        this.survey = survey;
        this.tally = tally;
        this.minCellSize = survey.definition().minCellSize();
        this.population = population;
        this.counting = counting;
    }

    public ResultsView compute(OffsetDateTime generatedAt) {
        return compute(generatedAt, pattern(Pattern.NONE));
    }

    /**
     * The suppression pattern, at least as wide as {@code forced} (a per-source view passes the
     * whole survey's pattern, so that no source shows what the whole hides).
     */
    public Pattern pattern(Pattern forced) {
        List<String> regions = survey.regionCodes();
        Map<String, Long> responses = new LinkedHashMap<>();
        regions.forEach(r -> responses.put(r, count(TallyBuckets.SURVEY_LEVEL, List.of(r), TallyBuckets.RESPONSES)));
        Set<String> surveyHidden = Suppression.regionsToSuppress(responses, minCellSize, forced.survey());
        Map<String, Map<String, Long>> answered = new HashMap<>();
        Map<String, Set<String>> hidden = new LinkedHashMap<>();
        for (Question q : survey.definition().questionList()) {
            Map<String, Long> n = new LinkedHashMap<>();
            regions.forEach(r -> n.put(r, count(q.key(), List.of(r), TallyBuckets.ANSWERED)));
            answered.put(q.key(), n);
            Set<String> force = new LinkedHashSet<>(surveyHidden);
            force.addAll(forced.question(q.key()));
            hidden.put(q.key(), Suppression.regionsToSuppress(n, minCellSize, force));
        }
        // a conditional question's n in a region counts its parent's options there: parent and
        // child hide the same regions, repeated until no pair differs (chains of showIf)
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Question q : survey.definition().questionList()) {
                if (q.showIf() == null || !hidden.containsKey(q.showIf().question())) {
                    continue;
                }
                String parent = q.showIf().question();
                Set<String> union = new LinkedHashSet<>(hidden.get(q.key()));
                union.addAll(hidden.get(parent));
                for (String key : List.of(q.key(), parent)) {
                    Set<String> widened = Suppression.regionsToSuppress(answered.get(key), minCellSize, union);
                    if (!widened.equals(hidden.get(key))) {
                        hidden.put(key, widened);
                        changed = true;
                    }
                }
            }
        }
        return new Pattern(surveyHidden, hidden);
    }

    public ResultsView compute(OffsetDateTime generatedAt, Pattern pattern) {
        List<RegionResponses> regions = new ArrayList<>();
        for (String region : survey.regionCodes()) {
            regions.add(pattern.survey().contains(region) ? new RegionResponses(region, null, true)
                    : new RegionResponses(region, count(TallyBuckets.SURVEY_LEVEL, List.of(region), TallyBuckets.RESPONSES),
                            false));
        }
        long total = count(TallyBuckets.SURVEY_LEVEL, survey.regionCodes(), TallyBuckets.RESPONSES);
        List<QuestionResults> questions = survey.definition().questionList().stream()
                .map(q -> question(q, pattern.question(q.key()))).toList();
        Perturbation perturbation = counting == Counting.PERTURBED
                ? new Perturbation(true, CellKeys.MAX_ABS, PERTURBATION_METHOD, CellKeys.table())
                : new Perturbation(false, 0, "Exact counts (admin or researcher token).", null);
        // admin and researcher readers may download every response anyway: hiding the total from
        // them protects no one, while it tells them how many responses are stored
        boolean totalHidden = counting == Counting.PERTURBED && Suppression.isSmall(total, minCellSize);
        return new ResultsView(survey.slug(), totalHidden ? null : total, generatedAt,
                minCellSize, regions, questions, quarantined(), quarantinedByReason(), perturbation);
    }

    /** Held responses by reason, summed over regions (perturbed for the public); reasons with none are left out. */
    private Map<String, Long> quarantinedByReason() {
        Map<String, Long> byReason = new java.util.TreeMap<>();
        for (String reason : TallyBuckets.QUARANTINE_REASONS) {
            long n = count(TallyBuckets.SURVEY_LEVEL, survey.regionCodes(), TallyBuckets.quarantinedFor(reason));
            if (n > 0) {
                byReason.put(reason, n);
            }
        }
        return byReason;
    }

    /** Held-back responses are a count like any other: perturbed for the public. */
    private long quarantined() {
        return count(TallyBuckets.SURVEY_LEVEL, survey.regionCodes(), TallyBuckets.QUARANTINED);
    }

    private QuestionResults question(Question q, Set<String> hidden) {
        List<Cell> byRegion = new ArrayList<>();
        for (String region : survey.regionCodes()) {
            byRegion.add(hidden.contains(region) ? Cell.suppressed(region) : cell(q, List.of(region), region, null));
        }
        long overallN = count(q.key(), survey.regionCodes(), TallyBuckets.ANSWERED);
        Cell overall = Suppression.isSmall(overallN, minCellSize) ? Cell.suppressed(null)
                : cell(q, survey.regionCodes(), null, weighted(q, hidden));
        return new QuestionResults(q.key(), q.type(), overall, byRegion, noteFor(q.questionType()));
    }

    /** A count over several regions: their counts and key sums added, then perturbed as one cell. */
    private long count(String question, Collection<String> regions, String bucket) {
        long c = 0;
        long keys = 0;
        for (String r : regions) {
            c += tally.count(question, r, bucket);
            keys += tally.keySum(question, r, bucket);
        }
        return counting == Counting.EXACT ? c : CellKeys.perturb(c, keys);
    }

    /** The counts of one cell (a region, a stratum or everyone) and the denominator of its shares. */
    private record Counts(long n, long base, Map<String, Long> counts) {

        Double share(String bucket) {
            return base == 0 ? null : Math.min(1.0, (double) counts.getOrDefault(bucket, 0L) / base);
        }
    }

    /**
     * Single choice and scale shares are over the sum of their (perturbed) counts, so that they
     * add up to 1; multiple choice and ranking shares over the (perturbed) answered count.
     */
    private Counts counts(Question q, Collection<String> regions) {
        long n = count(q.key(), regions, TallyBuckets.ANSWERED);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String bucket : buckets(q)) {
            counts.put(bucket, count(q.key(), regions, bucket));
        }
        boolean singleValued = q.questionType() == QuestionType.SINGLE_CHOICE || q.questionType() == QuestionType.SCALE;
        long base = singleValued ? counts.values().stream().mapToLong(Long::longValue).sum() : n;
        return new Counts(n, base, counts);
    }

    private static List<String> buckets(Question q) {
        List<String> buckets = new ArrayList<>();
        switch (q.questionType()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> q.optionList().forEach(o -> buckets.add(TallyBuckets.OPTION + o.key()));
            case SCALE -> {
                for (int v = q.min(); v <= q.max(); v++) {
                    buckets.add(TallyBuckets.VALUE + v);
                }
            }
            case RANKING -> {
                int m = q.optionList().size();
                q.optionList().forEach(o -> {
                    for (int p = 1; p <= m; p++) {
                        buckets.add(TallyBuckets.RANK + o.key() + ":" + p);
                    }
                });
            }
            case TEXT -> {
                // answered / not answered only
            }
        }
        return buckets;
    }

    private Cell cell(Question q, List<String> regions, String label, Weighted weighted) {
        Counts c = counts(q, regions);
        return switch (q.questionType()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> new Cell(label, c.n(), false, choiceOptions(q, c),
                    null, null, null, null, null, null, weighted);
            case SCALE -> scaleCell(q, c, label, weighted);
            case RANKING -> new Cell(label, c.n(), false, rankingOptions(q, c),
                    null, null, null, null, null, null, weighted);
            case TEXT -> Cell.answeredOnly(label, c.n());
        };
    }

    private static List<OptionResult> choiceOptions(Question q, Counts c) {
        List<OptionResult> options = new ArrayList<>();
        for (Option o : q.optionList()) {
            String bucket = TallyBuckets.OPTION + o.key();
            Double share = c.share(bucket);
            options.add(OptionResult.choice(o.key(), c.counts().get(bucket), share,
                    share == null ? null : Wilson.interval(share, c.base())));
        }
        return options;
    }

    private static Cell scaleCell(Question q, Counts c, String label, Weighted weighted) {
        List<ValueCount> distribution = new ArrayList<>();
        for (int v = q.min(); v <= q.max(); v++) {
            String bucket = TallyBuckets.VALUE + v;
            Double share = c.share(bucket);
            // over the same base as the share, as a single choice option's interval
            distribution.add(new ValueCount(v, c.counts().get(bucket), share,
                    share == null ? null : Wilson.interval(share, c.base())));
        }
        long n = c.base();
        if (n == 0) {
            return new Cell(label, c.n(), false, null, distribution, null, null, null, null, null, null);
        }
        double mean = mean(distribution, n);
        double squares = 0;
        for (ValueCount vc : distribution) {
            squares += vc.count() * (vc.value() - mean) * (vc.value() - mean);
        }
        Double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : null;
        // top-2 and bottom-2 boxes overlap on scales shorter than five points
        boolean boxes = distribution.size() >= 5;
        Double top = boxes ? (double) (distribution.get(distribution.size() - 1).count()
                + distribution.get(distribution.size() - 2).count()) / n : null;
        Double bottom = boxes ? (double) (distribution.get(0).count() + distribution.get(1).count()) / n : null;
        return new Cell(label, c.n(), false, null, distribution, mean, median(distribution, n), sd, top, bottom,
                weighted);
    }

    private static double mean(List<ValueCount> distribution, long n) {
        double sum = 0;
        for (ValueCount vc : distribution) {
            sum += (double) vc.value() * vc.count();
        }
        return sum / n;
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

    private static List<OptionResult> rankingOptions(Question q, Counts c) {
        int m = q.optionList().size();
        List<OptionResult> options = new ArrayList<>();
        for (Option o : q.optionList()) {
            List<PositionCount> positions = new ArrayList<>();
            for (int p = 1; p <= m; p++) {
                String bucket = TallyBuckets.RANK + o.key() + ":" + p;
                positions.add(new PositionCount(p, c.counts().get(bucket), c.share(bucket)));
            }
            Double first = positions.get(0).share();
            options.add(new OptionResult(o.key(), null, null, null, first,
                    first == null ? null : Wilson.interval(first, c.base()), borda(q, o, c), positions));
        }
        return options;
    }

    /** Mean Borda points of an option per respondent, or null for an empty cell. */
    private static Double borda(Question q, Option o, Counts c) {
        if (c.base() == 0) {
            return null;
        }
        int m = q.optionList().size();
        double points = 0;
        for (int p = 1; p <= m; p++) {
            points += (double) c.counts().get(TallyBuckets.RANK + o.key() + ":" + p) * (m - p);
        }
        return points / c.base();
    }

    /** A stratum of the published partition: a visible place, or every hidden place pooled. */
    private record Stratum(List<String> regions, long population, Counts counts) {
    }

    /**
     * The overall figure post-stratified on the published partition (statistics.md): every
     * visible place is a stratum of its own, the hidden places together one pooled stratum.
     * With P_s the stratum's population share among strata with respondents and n_s its
     * respondents, the weighted share is Σ P_s·p_s and n_eff = 1 / Σ P_s²/n_s (Kish, for
     * w = P_s·n/n_s). Abroad and undisclosed answers have no population and are not weighted.
     */
    private Weighted weighted(Question q, Set<String> hidden) {
        if (q.questionType() == QuestionType.TEXT) {
            return null;
        }
        List<String> visible = new ArrayList<>();
        List<String> pooled = new ArrayList<>();
        for (String region : survey.regionCodes()) {
            if (population.containsKey(region)) {
                (hidden.contains(region) ? pooled : visible).add(region);
            }
        }
        if (visible.isEmpty()) {
            return null;
        }
        List<Stratum> strata = new ArrayList<>();
        visible.forEach(r -> strata.add(new Stratum(List.of(r), population.get(r), counts(q, List.of(r)))));
        if (!pooled.isEmpty()) {
            strata.add(new Stratum(pooled, pooled.stream().mapToLong(population::get).sum(), counts(q, pooled)));
        }
        strata.removeIf(s -> s.counts().base() == 0);
        double totalPopulation = strata.stream().mapToLong(Stratum::population).sum();
        if (strata.isEmpty() || totalPopulation == 0) {
            return null;
        }
        double[] shares = new double[strata.size()];
        double inverseNEff = 0;
        long n = 0;
        for (int i = 0; i < strata.size(); i++) {
            shares[i] = strata.get(i).population() / totalPopulation;
            inverseNEff += shares[i] * shares[i] / strata.get(i).counts().base();
            n += strata.get(i).counts().base();
        }
        double nEffective = 1 / inverseNEff;
        List<String> pooledNames = pooled.isEmpty() ? null : List.copyOf(pooled);
        return switch (q.questionType()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                List<WeightedOption> options = new ArrayList<>();
                for (Option o : q.optionList()) {
                    double share = weightedShare(strata, shares, TallyBuckets.OPTION + o.key());
                    options.add(new WeightedOption(o.key(), share, Wilson.interval(share, nEffective), null));
                }
                yield new Weighted(nEffective, n / nEffective, options, null, null, pooledNames);
            }
            case SCALE -> {
                double mean = 0;
                for (int i = 0; i < strata.size(); i++) {
                    for (int v = q.min(); v <= q.max(); v++) {
                        mean += shares[i] * v * strata.get(i).counts().share(TallyBuckets.VALUE + v);
                    }
                }
                double variance = 0;
                for (int i = 0; i < strata.size(); i++) {
                    for (int v = q.min(); v <= q.max(); v++) {
                        variance += shares[i] * strata.get(i).counts().share(TallyBuckets.VALUE + v) * (v - mean) * (v - mean);
                    }
                }
                yield new Weighted(nEffective, n / nEffective, null, mean, Math.sqrt(variance / nEffective), pooledNames);
            }
            case RANKING -> {
                List<WeightedOption> options = new ArrayList<>();
                for (Option o : q.optionList()) {
                    double first = weightedShare(strata, shares, TallyBuckets.RANK + o.key() + ":1");
                    double borda = 0;
                    for (int i = 0; i < strata.size(); i++) {
                        borda += shares[i] * borda(q, o, strata.get(i).counts());
                    }
                    options.add(new WeightedOption(o.key(), first, Wilson.interval(first, nEffective), borda));
                }
                yield new Weighted(nEffective, n / nEffective, options, null, null, pooledNames);
            }
            case TEXT -> null;
        };
    }

    private static double weightedShare(List<Stratum> strata, double[] shares, String bucket) {
        double share = 0;
        for (int i = 0; i < strata.size(); i++) {
            share += shares[i] * strata.get(i).counts().share(bucket);
        }
        return Math.min(1.0, share);
    }

    private static String noteFor(QuestionType type) {
        return switch (type) {
            case MULTIPLE_CHOICE -> MULTIPLE_NOTE;
            case RANKING -> RANKING_NOTE;
            case TEXT -> TEXT_NOTE;
            default -> null;
        };
    }
}
