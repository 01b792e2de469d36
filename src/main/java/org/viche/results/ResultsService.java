package org.viche.results;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.config.VicheConfig;
import org.viche.error.ApiException;
import org.viche.region.RegionCatalog;
import org.viche.region.RegionScheme;
import org.viche.results.ResultsCalculator.Counting;
import org.viche.results.ResultsView.Fieldwork;
import org.viche.results.ResultsView.Weighting;
import org.viche.security.CallerAttributes;
import org.viche.survey.SurveyDefinition.ResultsVisibility;
import org.viche.survey.SurveySnapshot;
import org.viche.survey.SurveyStatus;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who sees which results, computed from the roll-up (never from the responses table).
 * Admin and researcher tokens get current figures; everyone else (anonymous callers, partner
 * sites, the public results page) gets the snapshot republished at the publish interval, and
 * for {@code AFTER_CLOSE} surveys nothing until the survey is closed.
 */
@ApplicationScoped
public class ResultsService {

    @Inject
    TallyReader tallies;

    @Inject
    RegionCatalog regions;

    @Inject
    PublishedResults published;

    @Inject
    VicheConfig config;

    /** Current figures for admin and researcher tokens, the public snapshot for anyone else. */
    public ResultsView resultsFor(SurveySnapshot survey, SecurityIdentity reader) {
        return resultsFor(survey, reader, survey.firstLanguage());
    }

    /**
     * As {@link #resultsFor(SurveySnapshot, SecurityIdentity)}, with the disclosure texts
     * (limitations by access mode, what the counts are) in {@code language}.
     */
    public ResultsView resultsFor(SurveySnapshot survey, SecurityIdentity reader, String language) {
        boolean exact = seesCurrentFigures(reader);
        ResultsView view = exact ? currentResults(survey) : publicResults(survey);
        return view.withDisclosure(view.weighting(), view.methodology(), DisclosureTexts.of(survey, language, !exact),
                view.fieldwork());
    }

    public static boolean seesCurrentFigures(SecurityIdentity reader) {
        return CallerAttributes.isAdmin(reader) || CallerAttributes.isResearcher(reader);
    }

    /**
     * The published snapshot (at most one publish interval old), the same on every instance.
     *
     * @throws ApiException 403 while an {@code AFTER_CLOSE} survey is still open
     */
    public ResultsView publicResults(SurveySnapshot survey) {
        if (survey.definition().resultsVisibility() == ResultsVisibility.AFTER_CLOSE
                && survey.status() != SurveyStatus.CLOSED) {
            throw new ApiException(403, "Results not yet public",
                    "Survey '" + survey.slug() + "' publishes its results when it closes.");
        }
        return published.get(survey.id(), config.results().publishInterval(), survey.definition().minCellSize(),
                survey.closedAt(), at -> {
                    TallySnapshot tally = tallies.read(survey);
                    return new PublishedResults.Computed(compute(survey, tally, at, Counting.PERTURBED), tally.responses());
                });
    }

    /** Exact figures as of now; only for readers allowed to follow every response. */
    public ResultsView currentResults(SurveySnapshot survey) {
        return compute(survey, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), Counting.EXACT);
    }

    private ResultsView compute(SurveySnapshot survey, OffsetDateTime generatedAt, Counting counting) {
        return compute(survey, tallies.read(survey), generatedAt, counting);
    }

    private ResultsView compute(SurveySnapshot survey, TallySnapshot tally, OffsetDateTime generatedAt, Counting counting) {
        Optional<RegionScheme> scheme = regions.scheme(survey.definition().regionScheme());
        ResultsCalculator calculator = new ResultsCalculator(survey, tally,
                scheme.map(RegionScheme::populations).orElse(Map.of()), counting);
        ResultsCalculator.Pattern pattern = calculator.pattern(ResultsCalculator.Pattern.NONE);
        Weighting weighting = WeightingDisclosure.of(survey.definition().regionScheme(), scheme, survey.regionCodes(),
                pattern.survey());
        return calculator.compute(generatedAt, pattern).withDisclosure(weighting, survey.definition().methodology(),
                null, new Fieldwork(survey.openedAt(), survey.closedAt()));
    }
}
