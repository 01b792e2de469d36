package org.viche.results;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.region.RegionCatalog;
import org.viche.survey.SurveySnapshot;

/** Computes a survey's results from its roll-up (never from the responses table). */
@ApplicationScoped
public class ResultsService {

    @Inject
    TallyReader tallies;

    @Inject
    RegionCatalog regions;

    public ResultsView results(SurveySnapshot survey) {
        TallySnapshot tally = tallies.read(survey.id());
        Map<String, Long> population = regions.populations(survey.definition().regionScheme());
        return new ResultsCalculator(survey, tally, population)
                .compute(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }
}
