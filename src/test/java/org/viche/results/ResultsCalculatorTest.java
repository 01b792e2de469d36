package org.viche.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.viche.results.ResultsView.Cell;
import org.viche.results.ResultsView.QuestionResults;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.SurveySnapshot;
import org.viche.survey.SurveyStatus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Feeds responses through the same counters the database keeps and checks every figure
 * against values worked out by hand from the raw responses.
 */
class ResultsCalculatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Option> options(String... keys) {
        List<Option> list = new ArrayList<>();
        for (String k : keys) {
            list.add(new Option(k, Map.of("en", k)));
        }
        return list;
    }

    private static final SurveyDefinition DEFINITION = new SurveyDefinition("t", Map.of("en", "T"), null, null, "UA",
            List.of("A", "B"), "OPEN", List.of(
                    new Question("pick", "SINGLE_CHOICE", true, Map.of("en", "p"), null, options("x", "y"), null, null, null,
                            null, null, null, null),
                    new Question("many", "MULTIPLE_CHOICE", false, Map.of("en", "m"), null, options("u", "v", "w"), null,
                            null, null, null, null, null, null),
                    new Question("scale", "SCALE", false, Map.of("en", "s"), null, null, null, 1, 5, null, null, null, null),
                    new Question("rank", "RANKING", false, Map.of("en", "r"), null, options("p", "q", "r"), null, null, null,
                            null, null, null, null),
                    new Question("note", "TEXT", false, Map.of("en", "n"), null, null, null, null, null, null, null, null,
                            null)),
            null, new SurveyDefinition.ResultsSettings("LIVE", 2));

    private static final SurveySnapshot SURVEY = new SurveySnapshot(1, "t", SurveyStatus.OPEN, false, DEFINITION,
            List.of("A", "B"), null, null, null);

    private final TallySnapshot tally = new TallySnapshot();

    private void respond(String region, String answers) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(answers);
        for (TallyBuckets.Counter c : TallyBuckets.of(DEFINITION, node)) {
            tally.add(c.question(), region, c.bucket(), 1);
        }
    }

    private ResultsView compute(Map<String, Long> population) {
        return new ResultsCalculator(SURVEY, tally, population).compute(OffsetDateTime.parse("2026-01-01T00:00:00Z"));
    }

    private static QuestionResults question(ResultsView view, String key) {
        return view.questions().stream().filter(q -> q.key().equals(key)).findFirst().orElseThrow();
    }

    private static Cell region(QuestionResults q, String region) {
        return q.byRegion().stream().filter(c -> region.equals(c.region())).findFirst().orElseThrow();
    }

    private void loadFourResponses() throws Exception {
        respond("A", "{\"pick\":\"x\",\"many\":[\"u\",\"v\"],\"scale\":5,\"rank\":[\"p\",\"q\",\"r\"],\"note\":\"hi\"}");
        respond("A", "{\"pick\":\"y\",\"many\":[\"u\"],\"scale\":4,\"rank\":[\"q\"]}");
        respond("B", "{\"pick\":\"x\",\"scale\":1,\"rank\":[\"p\",\"r\"],\"note\":\"yo\"}");
        respond("B", "{\"pick\":\"x\",\"many\":[\"w\"],\"scale\":2}");
    }

    @Test
    void choiceSharesAndIntervalsPerRegionAndOverall() throws Exception {
        loadFourResponses();
        ResultsView view = compute(Map.of("A", 100L, "B", 100L));
        assertEquals(4L, view.responses());
        QuestionResults pick = question(view, "pick");
        assertEquals(4L, pick.overall().n());
        assertEquals(3L, pick.overall().options().get(0).count());
        assertEquals(0.75, pick.overall().options().get(0).share(), 1e-12);
        double[] ci = Wilson.interval(0.75, 4);
        assertEquals(ci[0], pick.overall().options().get(0).ci95()[0], 1e-12);
        assertEquals(1.0, region(pick, "B").options().get(0).share(), 1e-12);
        assertEquals(0.5, region(pick, "A").options().get(0).share(), 1e-12);
    }

    @Test
    void multipleChoiceSharesUseThoseWhoAnsweredAndMaySumPastOne() throws Exception {
        loadFourResponses();
        QuestionResults many = question(compute(Map.of("A", 100L, "B", 100L)), "many");
        assertEquals(3L, many.overall().n(), "one respondent skipped the question");
        assertEquals(2.0 / 3.0, many.overall().options().get(0).share(), 1e-12);
        double sum = many.overall().options().stream().mapToDouble(o -> o.share()).sum();
        assertEquals(4.0 / 3.0, sum, 1e-12);
        assertEquals(ResultsCalculator.MULTIPLE_NOTE, many.note());
    }

    @Test
    void scaleDistributionMeanMedianSdAndBoxes() throws Exception {
        loadFourResponses();
        Cell scale = question(compute(Map.of("A", 100L, "B", 100L)), "scale").overall();
        // values 5, 4, 1, 2
        assertEquals(3.0, scale.mean(), 1e-12);
        assertEquals(3.0, scale.median(), 1e-12, "mean of the two middle values 2 and 4");
        assertEquals(Math.sqrt(10.0 / 3.0), scale.sd(), 1e-12, "sample sd: Σ(x-3)² = 4+1+4+1 = 10, n-1 = 3");
        assertEquals(0.5, scale.top2(), 1e-12);
        assertEquals(0.5, scale.bottom2(), 1e-12);
        assertEquals(5, scale.distribution().size());
        assertEquals(0L, scale.distribution().get(2).count());
    }

    @Test
    void eachScaleValueHasItsWilsonIntervalAsAChoiceOptionHas() throws Exception {
        loadFourResponses();
        Cell scale = question(compute(Map.of("A", 100L, "B", 100L)), "scale").overall();
        // value 5: 1 of 4; R: prop.test(1, 4, correct = FALSE)$conf.int = 0.0455873 0.6993582
        double[] five = scale.distribution().get(4).ci95();
        assertEquals(0.0455873, five[0], 1e-6);
        assertEquals(0.6993582, five[1], 1e-6);
        // value 3: nobody; the lower bound is exactly 0, the upper one is not
        double[] three = scale.distribution().get(2).ci95();
        assertEquals(0.0, three[0]);
        assertTrue(three[1] > 0.4 && three[1] < 0.5, "prop.test(0, 4): upper 0.4898908, got " + three[1]);
    }

    @Test
    void rankingFirstShareBordaAndPositions() throws Exception {
        loadFourResponses();
        QuestionResults rank = question(compute(Map.of("A", 100L, "B", 100L)), "rank");
        // rankings: [p,q,r], [q], [p,r]; m = 3, points 2/1/0
        Cell all = rank.overall();
        assertEquals(3L, all.n());
        ResultsView.OptionResult p = all.options().get(0);
        assertEquals(2.0 / 3.0, p.firstShare(), 1e-12);
        assertEquals(4.0 / 3.0, p.bordaMean(), 1e-12, "p: 2 + 0 (unranked) + 2");
        ResultsView.OptionResult q = all.options().get(1);
        assertEquals(1.0, q.bordaMean(), 1e-12, "q: 1 + 2 + 0");
        ResultsView.OptionResult r = all.options().get(2);
        assertEquals(1.0 / 3.0, r.bordaMean(), 1e-12, "r: 0 + 0 + 1");
        assertEquals(1L, r.positions().get(1).count());
        assertEquals(1L, r.positions().get(2).count());
    }

    @Test
    void textIsOnlyCounted() throws Exception {
        loadFourResponses();
        QuestionResults note = question(compute(Map.of("A", 100L, "B", 100L)), "note");
        assertEquals(2L, note.overall().n());
        assertTrue(region(note, "A").suppressed(), "one answer in a region is below minCellSize 2");
        assertNull(note.overall().options());
        assertNull(note.overall().distribution());
    }

    @Test
    void weightedOverallFollowsRegionPopulations() throws Exception {
        loadFourResponses();
        // A: 1 of 2 chose x, B: 2 of 2; populations 300 / 100 → 0.75·0.5 + 0.25·1 = 0.625
        Cell pick = question(compute(Map.of("A", 300L, "B", 100L)), "pick").overall();
        assertEquals(0.625, pick.weighted().options().get(0).share(), 1e-12);
        // weights 1.5 and 0.5 on 2 + 2 respondents: Σw = 4, Σw² = 5 → n_eff = 3.2
        assertEquals(3.2, pick.weighted().nEffective(), 1e-12);
        assertEquals(0.625, pick.weighted().options().get(0).share(), 1e-12);
        assertEquals(0.75, pick.options().get(0).share(), 1e-12, "the unweighted share is unchanged");
    }

    @Test
    void smallCellsAreSuppressedWithoutCounts() throws Exception {
        respond("A", "{\"pick\":\"x\"}");
        respond("B", "{\"pick\":\"y\"}");
        respond("B", "{\"pick\":\"y\"}");
        respond("B", "{\"pick\":\"x\"}");
        // minCellSize 2: A (n = 1) is suppressed, and B with it, or the total would reveal A
        QuestionResults pick = question(compute(Map.of("A", 1L, "B", 1L)), "pick");
        Cell a = region(pick, "A");
        assertTrue(a.suppressed());
        assertNull(a.n());
        assertNull(a.options());
        assertTrue(region(pick, "B").suppressed(), "complementary suppression");
        assertFalse(pick.overall().suppressed());
        assertEquals(4L, pick.overall().n());
        assertNull(pick.overall().weighted(), "no region is visible: no weighted figure");
    }

    @Test
    void emptyCellsShowZeroNotSuppressed() throws Exception {
        respond("A", "{\"pick\":\"x\"}");
        respond("A", "{\"pick\":\"x\"}");
        QuestionResults pick = question(compute(Map.of("A", 1L, "B", 1L)), "pick");
        Cell b = region(pick, "B");
        assertFalse(b.suppressed());
        assertEquals(0L, b.n());
        assertEquals(0L, b.options().get(0).count());
        assertNull(b.options().get(0).share());
    }

    @Test
    void medianOfAnEvenAndOddFrequencyTable() {
        List<ResultsView.ValueCount> dist = List.of(new ResultsView.ValueCount(1, 2, null, null),
                new ResultsView.ValueCount(2, 0, null, null), new ResultsView.ValueCount(3, 1, null, null));
        assertEquals(1.0, ResultsCalculator.median(dist, 3), 1e-12);
        List<ResultsView.ValueCount> even = List.of(new ResultsView.ValueCount(1, 1, null, null),
                new ResultsView.ValueCount(2, 0, null, null), new ResultsView.ValueCount(3, 1, null, null));
        assertEquals(2.0, ResultsCalculator.median(even, 2), 1e-12);
    }
}
