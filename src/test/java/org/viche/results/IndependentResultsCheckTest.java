package org.viche.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.en;
import static org.viche.support.Api.open;
import static org.viche.support.Api.slug;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.viche.support.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Submits a varied data set through the API, then recomputes every published figure from the
 * raw answers with {@link ReferenceStatistics} (written from statistics.md, sharing no code with
 * the service) and compares them to 1e-6: counts, shares, Wilson intervals, weighted shares,
 * n_eff, design effects, scale summaries, ranking positions and Borda means, and suppression
 * (primary and complementary) with nothing left in a suppressed cell. The results CSV is
 * checked against the same figures.
 */
@QuarkusTest
class IndependentResultsCheckTest {

    private static final double TOLERANCE = 1e-6;
    private static final int MIN_CELL_SIZE = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Respondents per region, no two alike (ties would leave "next-smallest" open); Kyiv gets none. */
    private static final Map<String, Integer> SIZES = new LinkedHashMap<>();
    /** The data set's showIf questions, both conditional on arrangement. */
    private static final List<String> CONDITIONAL = List.of("hope", "why_sez");

    static {
        SIZES.put("UA-14", 70);
        SIZES.put("UA-09", 55);
        SIZES.put("UA-23", 45);
        SIZES.put("UA-65", 16);
        SIZES.put("UA-48", 12);
        SIZES.put("UA-30", 0);
    }

    private static final List<String> ARRANGEMENT = List.of("sez", "dmz", "return", "unsure");
    private static final List<String> GUARANTEES = List.of("us", "eu", "un", "army");
    private static final List<String> PRIORITIES = List.of("peace", "integrity", "return", "economy");

    private record Respondent(String region, Map<String, Object> answers) {
    }

    private record Question(String key, String type, List<String> options, int min, int max) {
    }

    private static final List<Question> QUESTIONS = List.of(
            new Question("arrangement", "SINGLE_CHOICE", ARRANGEMENT, 0, 0),
            new Question("guarantees", "MULTIPLE_CHOICE", GUARANTEES, 0, 0),
            new Question("trust", "SCALE", List.of(), 1, 5),
            new Question("hope", "SCALE", List.of(), 0, 10),
            new Question("priorities", "RANKING", PRIORITIES, 0, 0),
            new Question("comment", "TEXT", List.of(), 0, 0),
            new Question("why_sez", "TEXT", List.of(), 0, 0));

    private static String slug;
    private static List<Respondent> data;
    private static JsonNode results;
    private static String resultsCsv;
    private static Map<String, Long> population;

    /** Once per class; in @BeforeEach because Quarkus points REST Assured at the app only per test. */
    @BeforeEach
    void submitTheDataSetOnce() throws Exception {
        if (results != null) {
            return;
        }
        slug = open(definition());
        data = generate(new Random(20_240_611L));
        // plain HTTP: REST Assured costs tens of milliseconds a request, which adds up over 200.
        // Submitted as an admin (channel API): 200 anonymous answers from one address in minutes
        // would rightly be held back as a burst, and this test is about the arithmetic.
        HttpClient client = HttpClient.newHttpClient();
        URI responses = URI.create("http://localhost:" + RestAssured.port + "/api/v1/surveys/" + slug + "/responses");
        for (Respondent r : data) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(responses)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("region", r.region(), "answers", r.answers())))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
        }
        results = JSON.readTree(asAdmin().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200)
                .extract().asString());
        resultsCsv = asAdmin().get("/api/v1/surveys/" + slug + "/results.csv").then().statusCode(200).extract().asString();
        population = populations();
    }

    private static Map<String, Object> definition() {
        return Map.of(
                "slug", slug("independent"),
                "title", en("Independent check"),
                "regionScheme", "UA",
                "regions", List.copyOf(SIZES.keySet()),
                "questions", List.of(
                        choice("arrangement", "SINGLE_CHOICE", ARRANGEMENT, Map.of("required", true)),
                        choice("guarantees", "MULTIPLE_CHOICE", GUARANTEES, Map.of("maxChoices", 3)),
                        Map.of("key", "trust", "type", "SCALE", "min", 1, "max", 5, "text", en("Trust?")),
                        Map.of("key", "hope", "type", "SCALE", "min", 0, "max", 10, "text", en("Hope?"),
                                "showIf", Map.of("question", "arrangement", "anyOf", List.of("dmz", "return"))),
                        choice("priorities", "RANKING", PRIORITIES, Map.of()),
                        Map.of("key", "comment", "type", "TEXT", "text", en("Comment?")),
                        Map.of("key", "why_sez", "type", "TEXT", "text", en("Why?"),
                                "showIf", Map.of("question", "arrangement", "anyOf", List.of("sez")))),
                "results", Map.of("visibility", "LIVE", "minCellSize", MIN_CELL_SIZE));
    }

    private static Map<String, Object> choice(String key, String type, List<String> options, Map<String, Object> extra) {
        Map<String, Object> q = new HashMap<>(extra);
        q.put("key", key);
        q.put("type", type);
        q.put("text", en(key + "?"));
        q.put("options", options.stream().map(o -> Map.of("key", o, "text", en(o))).toList());
        return q;
    }

    /** Region-dependent opinions (so weighting moves the overall figure), skips, conditions, partial rankings. */
    private static List<Respondent> generate(Random random) {
        List<Respondent> respondents = new ArrayList<>();
        int regionIndex = 0;
        for (Map.Entry<String, Integer> region : SIZES.entrySet()) {
            for (int i = 0; i < region.getValue(); i++) {
                Map<String, Object> answers = new LinkedHashMap<>();
                // later regions lean towards the first options
                double skewed = Math.pow(random.nextDouble(), 1 + regionIndex * 0.4);
                String arrangement = ARRANGEMENT.get(Math.min(3, (int) Math.floor(skewed * 4)));
                answers.put("arrangement", arrangement);
                // Mykolaiv answers this one rarely: a lone small cell, so the next-smallest is suppressed too
                if (random.nextDouble() < (region.getKey().equals("UA-48") ? 0.4 : 0.7)) {
                    List<String> shuffled = new ArrayList<>(GUARANTEES);
                    Collections.shuffle(shuffled, random);
                    answers.put("guarantees", shuffled.subList(0, 1 + random.nextInt(3)));
                }
                if (random.nextDouble() < 0.85) {
                    answers.put("trust", 1 + Math.min(4, random.nextInt(5) + (regionIndex % 2)));
                }
                if ((arrangement.equals("dmz") || arrangement.equals("return")) && random.nextDouble() < 0.8) {
                    answers.put("hope", random.nextInt(11));
                }
                if (random.nextDouble() < 0.75) {
                    List<String> shuffled = new ArrayList<>(PRIORITIES);
                    Collections.shuffle(shuffled, random);
                    answers.put("priorities", shuffled.subList(0, 1 + random.nextInt(4)));
                }
                if (random.nextDouble() < 0.3) {
                    answers.put("comment", "comment " + i);
                }
                if (arrangement.equals("sez") && random.nextDouble() < 0.5) {
                    answers.put("why_sez", "because " + i);
                }
                respondents.add(new Respondent(region.getKey(), answers));
            }
            regionIndex++;
        }
        return respondents;
    }

    private static Map<String, Long> populations() throws Exception {
        Map<String, Long> map = new HashMap<>();
        try (Reader in = new InputStreamReader(IndependentResultsCheckTest.class.getClassLoader()
                .getResourceAsStream("regions/UA.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (!r.get("population").isBlank()) {
                    map.put(r.get("code"), Long.parseLong(r.get("population")));
                }
            }
        }
        return map;
    }

    /** Regions hidden in the survey-level list: their respondents, counted independently. */
    private static Set<String> surveyHidden() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode region : results.get("regions")) {
            counts.put(region.get("region").asText(), SIZES.getOrDefault(region.get("region").asText(), 0));
        }
        return ReferenceStatistics.suppressed(counts, MIN_CELL_SIZE);
    }

    private static Map<String, Integer> answeredIn(String question) {
        Map<String, Integer> n = new LinkedHashMap<>();
        answersByRegion(question).forEach((region, answers) -> n.put(region, answers.size()));
        return n;
    }

    /**
     * A question's hidden regions: at least the survey-level ones, and for a conditional question
     * and its parent (arrangement) the same set, widened until neither changes.
     */
    private static Set<String> hiddenIn(String question) {
        Set<String> surveyLevel = surveyHidden();
        Map<String, Set<String>> hidden = new LinkedHashMap<>();
        for (Question q : QUESTIONS) {
            hidden.put(q.key(), ReferenceStatistics.suppressed(answeredIn(q.key()), MIN_CELL_SIZE, surveyLevel));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String child : CONDITIONAL) {
                Set<String> union = new java.util.HashSet<>(hidden.get(child));
                union.addAll(hidden.get("arrangement"));
                for (String key : List.of(child, "arrangement")) {
                    Set<String> widened = ReferenceStatistics.suppressed(answeredIn(key), MIN_CELL_SIZE, union);
                    if (!widened.equals(hidden.get(key))) {
                        hidden.put(key, widened);
                        changed = true;
                    }
                }
            }
        }
        return hidden.get(question);
    }

    // --- the checks --------------------------------------------------------------

    @Test
    void responsesPerRegionMatch() {
        assertEquals(data.size(), results.get("responses").asInt());
        Set<String> hidden = surveyHidden();
        for (JsonNode region : results.get("regions")) {
            String code = region.get("region").asText();
            assertEquals(hidden.contains(code), region.get("suppressed").asBoolean(), code);
            if (!hidden.contains(code)) {
                assertEquals(SIZES.getOrDefault(code, 0).intValue(), region.get("responses").asInt(), code);
            }
        }
    }

    @Test
    void everyCellMatchesTheReference() {
        int primarySuppressed = 0;
        int complementarySuppressed = 0;
        int questionsWithoutSuppression = 0;
        for (Question q : QUESTIONS) {
            JsonNode published = questionNode(q.key());
            Map<String, List<Object>> answersByRegion = answersByRegion(q.key());
            Map<String, Integer> n = new LinkedHashMap<>();
            answersByRegion.forEach((region, answers) -> n.put(region, answers.size()));
            Set<String> hidden = hiddenIn(q.key());
            if (hidden.isEmpty()) {
                questionsWithoutSuppression++;
            }
            for (JsonNode cell : published.get("byRegion")) {
                String region = cell.get("region").asText();
                String where = q.key() + " in " + region;
                if (hidden.contains(region)) {
                    assertCarriesNothing(cell, where);
                    if (n.get(region) >= MIN_CELL_SIZE) {
                        complementarySuppressed++;
                    } else {
                        primarySuppressed++;
                    }
                } else {
                    assertCell(q, answersByRegion.get(region), cell, where);
                }
            }
            List<Object> all = answersByRegion.values().stream().flatMap(List::stream).toList();
            JsonNode overall = published.get("overall");
            if (!all.isEmpty() && all.size() < MIN_CELL_SIZE) {
                assertCarriesNothing(overall, q.key() + " overall");
            } else {
                assertCell(q, all, overall, q.key() + " overall");
            }
        }
        assertTrue(primarySuppressed > 0, "the data set must have small cells");
        assertTrue(complementarySuppressed > 0, "the data set must trigger complementary suppression");
        assertTrue(questionsWithoutSuppression > 0, "the data set must have questions with nothing suppressed");
    }

    @Test
    void weightedOverallFiguresMatchTheReference() {
        Map<String, Double> weights = ReferenceStatistics.weights(SIZES, population);
        int checked = 0;
        int checkedQuestions = 0;
        int withheld = 0;
        for (Question q : QUESTIONS) {
            if (!q.type().endsWith("_CHOICE")) {
                if (q.type().equals("TEXT")) {
                    assertFalse(questionNode(q.key()).get("overall").has("weighted"), q.key());
                }
                continue;
            }
            // post-stratified on the published partition: hidden places pooled into one stratum
            Set<String> hidden = hiddenIn(q.key());
            List<Respondent> answered = data.stream().filter(r -> r.answers().containsKey(q.key())
                    && population.containsKey(r.region())).toList();
            Map<String, Integer> byStratum = new LinkedHashMap<>();
            Map<String, Long> stratumPopulation = new LinkedHashMap<>();
            for (String region : SIZES.keySet()) {
                String stratum = hidden.contains(region) ? "pooled" : region;
                stratumPopulation.merge(stratum, population.get(region), Long::sum);
                byStratum.putIfAbsent(stratum, 0);
            }
            answered.forEach(r -> byStratum.merge(hidden.contains(r.region()) ? "pooled" : r.region(), 1, Integer::sum));
            Map<String, Double> stratumWeights = ReferenceStatistics.weights(byStratum, stratumPopulation);
            if (byStratum.keySet().stream().noneMatch(s -> !s.equals("pooled"))) {
                assertFalse(questionNode(q.key()).get("overall").has("weighted"), q.key() + ": no visible region");
                withheld++;
                continue;
            }
            checkedQuestions++;
            List<Double> w = answered.stream()
                    .map(r -> stratumWeights.get(hidden.contains(r.region()) ? "pooled" : r.region())).toList();
            JsonNode weighted = questionNode(q.key()).get("overall").get("weighted");
            for (String option : q.options()) {
                List<Boolean> chose = answered.stream().map(r -> chose(r.answers().get(q.key()), option)).toList();
                ReferenceStatistics.Weighted expected = ReferenceStatistics.weighted(w, chose);
                String where = q.key() + " weighted " + option;
                assertClose(expected.nEffective(), weighted.get("nEffective"), where + " nEffective");
                assertClose(expected.designEffect(), weighted.get("designEffect"), where + " designEffect");
                JsonNode o = find(weighted.get("options"), "key", option);
                assertClose(expected.share(), o.get("share"), where + " share");
                assertInterval(expected.ci95(), o.get("ci95"), where + " ci95");
                checked++;
            }
        }
        assertTrue(checked > 0, "some weighted figures were compared");
        assertEquals(2, checkedQuestions + withheld, "both choice questions were either checked or withheld");
    }

    @Test
    void weightingTargetsAreThePopulationSharesOfRegionsWithRespondents() {
        double total = SIZES.entrySet().stream().filter(e -> e.getValue() > 0)
                .mapToDouble(e -> population.get(e.getKey())).sum();
        for (JsonNode target : results.get("weighting").get("targets")) {
            String region = target.get("region").asText();
            assertEquals(population.get(region).longValue(), target.get("population").asLong(), region);
            // per-region target shares would tell a hidden region with respondents from an empty one
            assertFalse(target.has("populationShare"), region);
        }
        List<String> pooled = new ArrayList<>();
        results.get("weighting").path("pooledRegions").forEach(r -> pooled.add(r.asText()));
        assertEquals(surveyHidden().stream().filter(population::containsKey).sorted().toList(),
                pooled.stream().sorted().toList());
        assertTrue(total > 0);
    }

    @Test
    void resultsCsvCarriesTheSameFigures() throws Exception {
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(resultsCsv)).getRecords();
        int checked = 0;
        for (CSVRecord row : rows) {
            JsonNode q = questionNode(row.get("question"));
            JsonNode cell = row.get("region").equals("ALL") ? q.get("overall")
                    : find(q.get("byRegion"), "region", row.get("region"));
            String where = "csv " + row.get("question") + "/" + row.get("region") + "/" + row.get("option");
            if (cell.get("suppressed").asBoolean()) {
                assertEquals("true", row.get("suppressed"), where);
                assertEquals(List.of("", "", "", ""), List.of(row.get("count"), row.get("share"), row.get("ci_low"),
                        row.get("ci_high")), where);
                continue;
            }
            String type = q.get("type").asText();
            long n = cell.get("n").asLong();
            switch (type) {
                case "SINGLE_CHOICE", "MULTIPLE_CHOICE" -> {
                    JsonNode o = find(cell.get("options"), "key", row.get("option"));
                    assertEquals(o.get("count").asLong(), Long.parseLong(row.get("count")), where);
                    assertCsvShare(o.get("share"), o.get("ci95"), row, where);
                }
                case "SCALE" -> {
                    JsonNode v = find(cell.get("distribution"), "value", row.get("option"));
                    assertEquals(v.get("count").asLong(), Long.parseLong(row.get("count")), where);
                    double[] ci = n == 0 ? null : ReferenceStatistics.wilson(v.get("count").asDouble() / n, n);
                    assertCsvShare(v.get("share"), ci == null ? null : JSON.valueToTree(ci), row, where);
                }
                case "RANKING" -> {
                    JsonNode o = find(cell.get("options"), "key", row.get("option"));
                    assertEquals(o.get("positions").get(0).get("count").asLong(), Long.parseLong(row.get("count")), where);
                    assertCsvShare(o.get("firstShare"), o.get("firstCi95"), row, where);
                }
                default -> assertEquals(n, Long.parseLong(row.get("count")), where);
            }
            checked++;
        }
        assertTrue(checked > 100, "rows checked: " + checked);
    }

    // --- one cell ------------------------------------------------------------------

    private static void assertCell(Question q, List<Object> answers, JsonNode cell, String where) {
        int n = answers.size();
        assertFalse(cell.get("suppressed").asBoolean(), where);
        assertEquals(n, cell.get("n").asInt(), where + " n");
        switch (q.type()) {
            case "SINGLE_CHOICE", "MULTIPLE_CHOICE" -> {
                for (String option : q.options()) {
                    long count = answers.stream().filter(a -> chose(a, option)).count();
                    JsonNode o = find(cell.get("options"), "key", option);
                    assertEquals(count, o.get("count").asLong(), where + " " + option);
                    assertShare(count, n, o.get("share"), o.get("ci95"), where + " " + option);
                }
            }
            case "SCALE" -> assertScale(q, answers.stream().map(a -> (Integer) a).toList(), cell, where);
            case "RANKING" -> assertRanking(q, answers, cell, where);
            case "TEXT" -> {
                assertFalse(cell.has("options") || cell.has("distribution") || cell.has("mean"), where);
            }
            default -> throw new IllegalArgumentException(q.type());
        }
    }

    private static void assertScale(Question q, List<Integer> values, JsonNode cell, String where) {
        int n = values.size();
        for (int v = q.min(); v <= q.max(); v++) {
            int value = v;
            long count = values.stream().filter(x -> x == value).count();
            JsonNode d = find(cell.get("distribution"), "value", Integer.toString(v));
            assertEquals(count, d.get("count").asLong(), where + " value " + v);
            if (n == 0) {
                assertTrue(missing(d.get("share")), where);
            } else {
                assertClose((double) count / n, d.get("share"), where + " value " + v);
            }
        }
        if (n == 0) {
            assertFalse(cell.has("mean") || cell.has("median") || cell.has("sd"), where);
            return;
        }
        assertClose(ReferenceStatistics.mean(values), cell.get("mean"), where + " mean");
        assertClose(ReferenceStatistics.median(values), cell.get("median"), where + " median");
        if (n > 1) {
            assertClose(ReferenceStatistics.sd(values), cell.get("sd"), where + " sd");
        }
        assertClose(ReferenceStatistics.box(values, q.max(), q.max() - 1), cell.get("top2"), where + " top2");
        assertClose(ReferenceStatistics.box(values, q.min(), q.min() + 1), cell.get("bottom2"), where + " bottom2");
    }

    @SuppressWarnings("unchecked")
    private static void assertRanking(Question q, List<Object> answers, JsonNode cell, String where) {
        int n = answers.size();
        int m = q.options().size();
        for (String option : q.options()) {
            JsonNode o = find(cell.get("options"), "key", option);
            String at = where + " " + option;
            for (int p = 1; p <= m; p++) {
                int position = p;
                long count = answers.stream().filter(a -> ((List<String>) a).indexOf(option) == position - 1).count();
                JsonNode pos = find(o.get("positions"), "position", Integer.toString(p));
                assertEquals(count, pos.get("count").asLong(), at + " position " + p);
                if (n > 0) {
                    assertClose((double) count / n, pos.get("share"), at + " position " + p);
                }
            }
            if (n == 0) {
                assertFalse(o.has("firstShare") || o.has("bordaMean"), at);
                continue;
            }
            long first = answers.stream().filter(a -> ((List<String>) a).indexOf(option) == 0).count();
            assertShare(first, n, o.get("firstShare"), o.get("firstCi95"), at + " first");
            double points = answers.stream().mapToInt(a -> ReferenceStatistics.borda((List<String>) a, option, m)).sum();
            assertClose(points / n, o.get("bordaMean"), at + " bordaMean");
        }
    }

    /** A suppressed cell: its region and the flag, nothing else. */
    private static void assertCarriesNothing(JsonNode cell, String where) {
        assertTrue(cell.get("suppressed").asBoolean(), where);
        List<String> fields = new ArrayList<>();
        Iterator<String> names = cell.fieldNames();
        names.forEachRemaining(fields::add);
        fields.remove("region");
        assertEquals(List.of("suppressed"), fields, where + " carries " + fields);
    }

    // --- helpers -----------------------------------------------------------------------

    private static Map<String, List<Object>> answersByRegion(String question) {
        Map<String, List<Object>> byRegion = new LinkedHashMap<>();
        SIZES.keySet().forEach(r -> byRegion.put(r, new ArrayList<>()));
        // answers that are not places: published like regions, with no respondents in this data set
        results.get("regions").forEach(r -> byRegion.putIfAbsent(r.get("region").asText(), new ArrayList<>()));
        for (Respondent r : data) {
            Object answer = r.answers().get(question);
            if (answer != null) {
                byRegion.get(r.region()).add(answer);
            }
        }
        return byRegion;
    }

    private static boolean chose(Object answer, String option) {
        return answer instanceof List<?> list ? list.contains(option) : option.equals(answer);
    }

    private static JsonNode questionNode(String key) {
        return find(results.get("questions"), "key", key);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.get(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    private static void assertShare(long count, int n, JsonNode share, JsonNode ci95, String where) {
        if (n == 0) {
            assertTrue(missing(share) && missing(ci95), where + ": no share without respondents");
            return;
        }
        double p = (double) count / n;
        assertClose(p, share, where + " share");
        assertInterval(ReferenceStatistics.wilson(p, n), ci95, where + " ci95");
    }

    private static void assertCsvShare(JsonNode share, JsonNode ci95, CSVRecord row, String where) {
        Function<String, String> cell = row::get;
        if (missing(share)) {
            assertEquals("", cell.apply("share"), where);
            return;
        }
        assertEquals(share.asDouble(), Double.parseDouble(cell.apply("share")), TOLERANCE, where + " share");
        assertEquals(ci95.get(0).asDouble(), Double.parseDouble(cell.apply("ci_low")), TOLERANCE, where + " ci_low");
        assertEquals(ci95.get(1).asDouble(), Double.parseDouble(cell.apply("ci_high")), TOLERANCE, where + " ci_high");
    }

    /** Absent, or present as null: either way, no figure. */
    private static boolean missing(JsonNode node) {
        return node == null || node.isNull();
    }

    private static void assertInterval(double[] expected, JsonNode actual, String where) {
        assertNotNull(actual, where);
        assertEquals(2, actual.size(), where);
        assertEquals(expected[0], actual.get(0).asDouble(), TOLERANCE, where + " low");
        assertEquals(expected[1], actual.get(1).asDouble(), TOLERANCE, where + " high");
    }

    private static void assertClose(double expected, JsonNode actual, String where) {
        assertNotNull(actual, where + " is missing");
        assertTrue(actual.isNumber(), where + " is not a number: " + actual);
        assertEquals(expected, actual.asDouble(), TOLERANCE, where);
    }
}
