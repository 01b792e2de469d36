package org.viche.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.viche.results.ResultsCalculator.Counting;
import org.viche.results.ResultsView.Cell;
import org.viche.results.ResultsView.OptionResult;
import org.viche.results.ResultsView.QuestionResults;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.SurveyDefinition.ShowIf;
import org.viche.survey.SurveySnapshot;
import org.viche.survey.SurveyStatus;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The rules statistics.md added in issue 11, on hand-made tallies. */
class DisclosureRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REGIONS = List.of("A", "B", "C");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    private static final SurveyDefinition DEFINITION = new SurveyDefinition("d", Map.of("en", "D"), null, null, "UA",
            REGIONS, "OPEN", List.of(
                    new Question("pick", "SINGLE_CHOICE", true, Map.of("en", "p"), null,
                            List.of(new Option("x", Map.of("en", "x")), new Option("y", Map.of("en", "y"))),
                            null, null, null, null, null, null, null),
                    new Question("why", "SINGLE_CHOICE", false, Map.of("en", "w"), null,
                            List.of(new Option("m", Map.of("en", "m")), new Option("n", Map.of("en", "n"))),
                            null, null, null, null, null, null, new ShowIf("pick", List.of("x"))),
                    new Question("short", "SCALE", false, Map.of("en", "s"), null, null, null, 1, 3, null, null, null,
                            null),
                    new Question("rank", "RANKING", false, Map.of("en", "r"), null,
                            List.of(new Option("p", Map.of("en", "p")), new Option("q", Map.of("en", "q"))),
                            null, null, null, null, null, null, null)),
            null, new SurveyDefinition.ResultsSettings("LIVE", 10));

    private static final SurveySnapshot SURVEY = new SurveySnapshot(1, "d", SurveyStatus.OPEN, false, DEFINITION,
            REGIONS, null, null, null);

    private final TallySnapshot tally = new TallySnapshot();
    private final SplittableRandom random = new SplittableRandom(7);

    private void respond(String region, int times, String answers) throws Exception {
        for (int i = 0; i < times; i++) {
            int key = random.nextInt(256);
            for (TallyBuckets.Counter c : TallyBuckets.of(DEFINITION, JSON.readTree(answers))) {
                tally.add(c.question(), region, c.bucket(), 1, key);
            }
        }
    }

    private ResultsView compute(Counting counting) {
        return new ResultsCalculator(SURVEY, tally, Map.of("A", 300L, "B", 100L, "C", 100L), counting).compute(AT);
    }

    private static QuestionResults question(ResultsView view, String key) {
        return view.questions().stream().filter(q -> q.key().equals(key)).findFirst().orElseThrow();
    }

    private static boolean hidden(QuestionResults q, String region) {
        return q.byRegion().stream().filter(c -> c.region().equals(region)).findFirst().orElseThrow().suppressed();
    }

    @Test
    void aChildHidesWhatItsParentHidesAndTheParentWhatTheChildHides() throws Exception {
        respond("A", 3, "{\"pick\":\"x\",\"why\":\"m\"}");
        respond("A", 20, "{\"pick\":\"y\"}");
        respond("B", 15, "{\"pick\":\"x\",\"why\":\"n\"}");
        respond("C", 15, "{\"pick\":\"x\",\"why\":\"m\"}");
        ResultsView view = compute(Counting.EXACT);
        for (String region : REGIONS) {
            assertEquals(hidden(question(view, "why"), region), hidden(question(view, "pick"), region), region);
        }
        assertTrue(hidden(question(view, "pick"), "A"), "A's 3 follow-up answers are A's count of x");
    }

    @Test
    void topAndBottomBoxesAreLeftOutOnAThreePointScale() throws Exception {
        respond("A", 12, "{\"pick\":\"y\",\"short\":3}");
        Cell scale = question(compute(Counting.EXACT), "short").overall();
        assertEquals(3.0, scale.mean(), 1e-12);
        assertNull(scale.top2());
        assertNull(scale.bottom2());
    }

    @Test
    void scaleAndRankingGetWeightedOverallFigures() throws Exception {
        // A: 10 answer 3 and rank p first; B: 10 answer 1 and rank q first; populations 300 / 100 (C empty)
        respond("A", 10, "{\"pick\":\"y\",\"short\":3,\"rank\":[\"p\",\"q\"]}");
        respond("B", 10, "{\"pick\":\"y\",\"short\":1,\"rank\":[\"q\",\"p\"]}");
        ResultsView view = compute(Counting.EXACT);
        ResultsView.Weighted scale = question(view, "short").overall().weighted();
        assertEquals(0.75 * 3 + 0.25 * 1, scale.mean(), 1e-12);
        // weighted variance 0.75·(3 − 2.5)² + 0.25·(1 − 2.5)² = 0.75; n_eff = 1 / (0.75²/10 + 0.25²/10) = 16
        assertEquals(16.0, scale.nEffective(), 1e-12);
        assertEquals(Math.sqrt(0.75 / 16), scale.meanSe(), 1e-12);
        ResultsView.Weighted rank = question(view, "rank").overall().weighted();
        assertEquals(0.75, rank.options().get(0).bordaMean(), 1e-12);
        assertEquals(0.75, rank.options().get(0).share(), 1e-12, "share ranking p first");
    }

    @Test
    void publicCountsArePerturbedByAtMostTwoTheSameWayEveryTimeWithSharesFromThePerturbedCounts() throws Exception {
        respond("A", 14, "{\"pick\":\"x\",\"why\":\"m\"}");
        respond("A", 11, "{\"pick\":\"y\"}");
        respond("B", 30, "{\"pick\":\"y\"}");
        respond("C", 17, "{\"pick\":\"x\",\"why\":\"n\"}");
        ResultsView exact = compute(Counting.EXACT);
        ResultsView perturbed = compute(Counting.PERTURBED);
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        assertEquals(json.writeValueAsString(perturbed), json.writeValueAsString(compute(Counting.PERTURBED)),
                "asking again reveals nothing new");
        assertTrue(perturbed.perturbation().applied());
        assertFalse(exact.perturbation().applied());
        assertEquals(72L, exact.responses());
        assertTrue(Math.abs(perturbed.responses() - 72) <= 2);
        Cell overall = question(perturbed, "pick").overall();
        long sum = 0;
        for (OptionResult o : overall.options()) {
            OptionResult e = question(exact, "pick").overall().options().stream()
                    .filter(x -> x.key().equals(o.key())).findFirst().orElseThrow();
            assertTrue(Math.abs(o.count() - e.count()) <= 2);
            sum += o.count();
        }
        for (OptionResult o : overall.options()) {
            assertEquals((double) o.count() / sum, o.share(), 1e-12, "single choice: over the sum of perturbed counts");
            assertEquals(Wilson.interval(o.share(), sum)[0], o.ci95()[0], 1e-12);
        }
        assertNotNull(overall.weighted());
    }
}
