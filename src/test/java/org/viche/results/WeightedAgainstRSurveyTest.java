package org.viche.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.viche.results.ResultsView.QuestionResults;
import org.viche.results.ResultsView.Weighted;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.SurveySnapshot;
import org.viche.survey.SurveyStatus;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The weighted overall figures on pooled strata against R's {@code survey} package
 * ({@code postStratify} on the published partition). The fixture in
 * {@code src/test/resources/r-survey} was computed once by {@code Rscript weighted.R} from the
 * same responses: UA-23 and UA-30 fall below minCellSize, are hidden, and must be weighted as
 * one pooled stratum; ABROAD is counted but not weighted.
 */
class WeightedAgainstRSurveyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REGIONS = List.of("UA-14", "UA-09", "UA-23", "UA-30", "ABROAD");

    private static final SurveyDefinition DEFINITION = new SurveyDefinition("r", Map.of("en", "R"), null, null, "UA",
            REGIONS, "OPEN", List.of(
                    new Question("arrangement", "SINGLE_CHOICE", true, Map.of("en", "a"), null,
                            List.of(new Option("sez", Map.of("en", "sez")), new Option("dmz", Map.of("en", "dmz"))),
                            null, null, null, null, null, null, null),
                    new Question("trust", "SCALE", true, Map.of("en", "t"), null, null, null, 1, 5, null, null, null,
                            null)),
            null, new SurveyDefinition.ResultsSettings("LIVE", 10));

    @Test
    void weightedShareMeanAndEffectiveSizeAgreeWithRSurveyToOneMillionth() throws IOException {
        TallySnapshot tally = new TallySnapshot();
        for (String[] row : csv("responses.csv")) {
            var answers = JSON.createObjectNode().put("arrangement", row[1]).put("trust", Integer.parseInt(row[2]));
            TallyBuckets.of(DEFINITION, answers).forEach(c -> tally.add(c.question(), row[0], c.bucket(), 1));
        }
        Map<String, Long> population = new LinkedHashMap<>();
        csv("population.csv").forEach(row -> population.put(row[0], Long.parseLong(row[1])));
        Map<String, Double> expected = new LinkedHashMap<>();
        csv("expected.csv").forEach(row -> expected.put(row[0], Double.parseDouble(row[1])));

        SurveySnapshot survey = new SurveySnapshot(1, "r", SurveyStatus.OPEN, false, DEFINITION, REGIONS, null, null, null);
        ResultsView view = new ResultsCalculator(survey, tally, population).compute(OffsetDateTime.parse("2026-01-01T00:00:00Z"));

        Weighted arrangement = question(view, "arrangement").overall().weighted();
        assertNotNull(arrangement, "hidden regions are pooled, not a reason to drop the weighted figure");
        assertEquals(List.of("UA-23", "UA-30"), arrangement.pooledRegions());
        assertEquals(expected.get("arrangement.sez.share"), arrangement.options().get(0).share(), 1e-6);
        assertEquals(expected.get("nEffective"), arrangement.nEffective(), 1e-6);
        Weighted trust = question(view, "trust").overall().weighted();
        assertEquals(expected.get("trust.mean"), trust.mean(), 1e-6);
        assertEquals(expected.get("nEffective"), trust.nEffective(), 1e-6);
    }

    private static QuestionResults question(ResultsView view, String key) {
        return view.questions().stream().filter(q -> q.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<String[]> csv(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                WeightedAgainstRSurveyTest.class.getResourceAsStream("/r-survey/" + name), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        }
        return rows;
    }
}
