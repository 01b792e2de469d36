package org.viche.results;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.viche.survey.SurveyDefinition.Methodology;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Published results in the shape of api.md. Absent (null) fields are left out of the JSON,
 * which is how a suppressed cell carries no count, share or interval. {@code quarantined}:
 * responses held back as a suspicious burst, counted nowhere else until released; {@code quarantinedByReason}:
 * the same, by reason (never which answers). {@code weighting},
 * {@code methodology} and {@code fieldwork} are what must be disclosed beside the figures
 * (statistics.md, "What accompanies every published result").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultsView(String survey, Long responses, boolean responsesSuppressed, OffsetDateTime generatedAt,
        int minCellSize, List<RegionResponses> regions, List<QuestionResults> questions, long quarantined,
        Map<String, Long> quarantinedByReason, Perturbation perturbation, Weighting weighting, Methodology methodology,
        Disclosure disclosure, Fieldwork fieldwork) {

    /** The canonical constructor is the one JSON is read with (published snapshots are stored as JSON). */
    @JsonCreator
    public ResultsView {
    }

    /** The figures alone, before the disclosure is attached. */
    public ResultsView(String survey, Long responses, OffsetDateTime generatedAt, int minCellSize,
            List<RegionResponses> regions, List<QuestionResults> questions, long quarantined,
            Map<String, Long> quarantinedByReason, Perturbation perturbation) {
        this(survey, responses, responses == null, generatedAt, minCellSize, regions, questions, quarantined,
                quarantinedByReason, perturbation, null, null, null, null);
    }

    public ResultsView withDisclosure(Weighting weighting, Methodology methodology, Disclosure disclosure,
            Fieldwork fieldwork) {
        return new ResultsView(survey, responses, responsesSuppressed, generatedAt, minCellSize, regions, questions,
                quarantined, quarantinedByReason, perturbation, weighting, methodology, disclosure, fieldwork);
    }

    /**
     * Whether counts are cell-key perturbed (public readers) or exact (admin and researcher
     * tokens), and the published perturbation table: {@code table[min(c, 20)][cellKey]} = d.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Perturbation(boolean applied, int maxAbsolute, String method, List<List<Integer>> table) {
    }

    /**
     * The disclosure texts that follow the survey's access mode and the reader's language:
     * the same sentences appear in the JSON, the CSV metadata (data package) and on the page.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Disclosure(String language, String accessMode, String limitations, String perturbation,
            String codebook) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RegionResponses(String region, Long responses, boolean suppressed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionResults(String key, String type, Cell overall, List<Cell> byRegion, String note) {
    }

    /** One cell: all respondents ({@code region} absent) or one region's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(String region, Long n, boolean suppressed, List<OptionResult> options,
            List<ValueCount> distribution, Double mean, Double median, Double sd, Double top2, Double bottom2,
            Weighted weighted) {

        static Cell suppressed(String region) {
            return new Cell(region, null, true, null, null, null, null, null, null, null, null);
        }

        static Cell answeredOnly(String region, long n) {
            return new Cell(region, n, false, null, null, null, null, null, null, null, null);
        }
    }

    /** A choice option (count, share, ci95) or a ranking option (firstShare, bordaMean, positions). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionResult(String key, Long count, Double share, double[] ci95, Double firstShare,
            double[] firstCi95, Double bordaMean, List<PositionCount> positions) {

        static OptionResult choice(String key, long count, Double share, double[] ci95) {
            return new OptionResult(key, count, share, ci95, null, null, null, null);
        }
    }

    /** One scale value: its count, its share of those who answered and that share's Wilson 95% interval. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ValueCount(int value, long count, Double share, double[] ci95) {
    }

    public record PositionCount(int position, long count, Double share) {
    }

    /**
     * The overall figure post-stratified on the published partition: each visible place its own
     * stratum, {@code pooledRegions} (the hidden places) one stratum together. Choice questions
     * carry option shares; SCALE a weighted {@code mean} and its {@code meanSe}; RANKING weighted
     * first shares and mean Borda points.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Weighted(double nEffective, double designEffect, List<WeightedOption> options, Double mean,
            Double meanSe, List<String> pooledRegions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WeightedOption(String key, Double share, double[] ci95, Double bordaMean) {
    }

    /** How the overall figures were weighted, to which targets, and what the intervals mean. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Weighting(String method, String formula, String regionScheme, List<WeightingTarget> targets,
            List<String> pooledRegions, List<String> notWeighted, String limitations) {
    }

    /**
     * A region's population figure and its date; {@code populationShare} is P_h, the region's
     * weighting target, absent for a region without respondents (which is not weighted).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WeightingTarget(String region, Long population, LocalDate populationDate, Double populationShare,
            String note) {
    }

    /** Field dates: when the survey opened and (once it has) closed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fieldwork(OffsetDateTime opened, OffsetDateTime closed) {
    }
}
