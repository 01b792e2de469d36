package org.viche.quarantine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.DoubleFunction;

/**
 * Drives the service's own review rules ({@link ReviewRules}, {@link PopularityRule}, with the
 * default settings of {@link QuarantineConfig}) over simulated traffic, on a simulated clock and
 * in-memory counters that behave like the PostgreSQL ones. Not a test: run it by hand and copy
 * its table into bench/README.md (see there for the command).
 *
 * <p>Genuine traffic: 50,000 responses in 10 minutes, each from a distinct client, regions drawn
 * from the population of the UA scheme (times a fixed random turnout factor per region, 0.5-2),
 * answers from skewed distributions. Floods ride on top of that background.
 */
public final class ReviewSimulation {

    static final long SEED = 20261129L;
    static final double MINUTES = 10;
    static final int GENUINE = 50_000;

    /** The defaults of {@link QuarantineConfig}, kept in step by {@code QuarantineTest}. */
    static ReviewRules.Settings defaults() {
        return new ReviewRules.Settings(30, Duration.ofMinutes(10), new PopularityRule(1e-6, 50, 4.0, 200),
                Duration.ofMinutes(2), QuarantinePolicy.SURGE_SLOT, Duration.ofHours(1), QuarantinePolicy.HISTORY_SLOT);
    }

    /** Counters in memory, on the simulation's clock; the same arithmetic as {@code RateLimiter}'s SQL. */
    static final class MemoryCounters implements ReviewRules.Counters {
        final Map<String, TreeMap<Long, Long>> rows = new HashMap<>();
        long now;

        private static long aligned(long millis, Duration length) {
            return millis - Math.floorMod(millis, length.toMillis());
        }

        @Override
        public Map<String, Long> addSliding(Map<String, Integer> costs, Duration window) {
            long start = aligned(now, window);
            double elapsed = (double) (now - start) / window.toMillis();
            Map<String, Long> out = new HashMap<>();
            costs.forEach((bucket, cost) -> {
                TreeMap<Long, Long> slots = rows.computeIfAbsent(bucket, b -> new TreeMap<>());
                long current = slots.merge(start, (long) cost, Long::sum);
                long previous = slots.getOrDefault(start - window.toMillis(), 0L);
                out.put(bucket, current + (long) Math.floor(previous * (1 - elapsed)));
            });
            return out;
        }

        @Override
        public Map<String, Long> addToSlots(Map<String, Integer> costs, Duration slot, Duration span) {
            long start = aligned(now, slot);
            costs.forEach((bucket, cost) -> rows.computeIfAbsent(bucket, b -> new TreeMap<>()).merge(start, (long) cost, Long::sum));
            return sum(costs.keySet(), span, Duration.ZERO);
        }

        @Override
        public Map<String, Long> sum(Collection<String> buckets, Duration span, Duration recent) {
            Map<String, Long> out = new HashMap<>();
            for (String bucket : buckets) {
                TreeMap<Long, Long> slots = rows.get(bucket);
                if (slots != null) {
                    out.put(bucket, slots.subMap(now - span.toMillis(), false, now - recent.toMillis(), true).values().stream().mapToLong(Long::longValue).sum());
                }
            }
            return out;
        }
    }

    record Region(String code, double population) {
    }

    /** One arrival: when, from whom, where, with which answers, and whether it is part of a flood. */
    record Arrival(double seconds, String client, String region, String answers, boolean flood) {
    }

    record Outcome(String scenario, int genuine, int genuineHeld, int flood, int floodHeld, Map<QuarantineReason, Integer> reasons) {
    }

    private final List<Region> regions;
    private final Map<String, Long> populations = new HashMap<>();

    ReviewSimulation(List<Region> regions) {
        this.regions = regions;
        regions.forEach(r -> populations.put(r.code(), (long) r.population()));
    }

    // ---- genuine traffic --------------------------------------------------------------

    /** Arrival times of {@code count} responses over the run, with rate proportional to {@code rate(t)}. */
    static double[] times(Random random, int count, DoubleFunction<Double> rate) {
        // Inverse-CDF sampling of a non-homogeneous Poisson process, on a fine grid.
        int steps = 6000;
        double seconds = MINUTES * 60;
        double[] cumulative = new double[steps + 1];
        for (int i = 0; i < steps; i++) {
            cumulative[i + 1] = cumulative[i] + rate.apply(seconds * (i + 0.5) / steps);
        }
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            double u = random.nextDouble() * cumulative[steps];
            int lo = 0;
            int hi = steps;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] <= u) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double within = (u - cumulative[lo]) / Math.max(1e-12, cumulative[lo + 1] - cumulative[lo]);
            times[i] = seconds * (lo + within) / steps;
        }
        java.util.Arrays.sort(times);
        return times;
    }

    /** Regional weights: population times a fixed turnout factor (0.5-2), optionally reshaped over time. */
    double[] turnout(Random random) {
        double[] weights = new double[regions.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = regions.get(i).population() * Math.pow(2, random.nextDouble() * 2 - 1);
        }
        return weights;
    }

    static int pick(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    interface Answers {
        String draw(Random random, double seconds, String region);
    }

    static Answers yesNo(DoubleFunction<Double> yesShare) {
        return (random, t, region) -> random.nextDouble() < yesShare.apply(t) ? "{\"consent\":\"yes\"}" : "{\"consent\":\"no\"}";
    }

    /** The demo survey's questions, each skewed; 30% answer only the required first question. */
    static Answers demo() {
        String[] arrangements = {"sez", "dmz", "return", "recognition", "referendum"};
        double[] arrangementShares = {0.35, 0.25, 0.2, 0.12, 0.08};
        String[] guarantees = {"us", "eu", "un", "nato", "none"};
        double[] guaranteeChance = {0.5, 0.45, 0.2, 0.35, 0.1};
        String[] priorities = {"peace", "integrity", "return", "rebuild", "justice"};
        return (random, t, region) -> {
            StringBuilder a = new StringBuilder("{\"arrangement\":\"").append(arrangements[pick(random, arrangementShares)]).append('"');
            if (random.nextDouble() < 0.3) {
                return a.append('}').toString();
            }
            a.append(",\"guarantees\":[");
            int chosen = 0;
            for (int i = 0; i < guarantees.length && chosen < 3; i++) {
                if (random.nextDouble() < guaranteeChance[i]) {
                    a.append(chosen++ == 0 ? "" : ",").append('"').append(guarantees[i]).append('"');
                }
            }
            a.append("],\"trust\":").append(1 + pick(random, new double[] {0.3, 0.25, 0.2, 0.15, 0.1}));
            List<String> ranking = new ArrayList<>(List.of(priorities));
            java.util.Collections.shuffle(ranking, random);
            if (random.nextDouble() < 0.5) {
                ranking.remove("peace");
                ranking.add(0, "peace");
            }
            a.append(",\"priorities\":[\"").append(String.join("\",\"", ranking.subList(0, 1 + random.nextInt(5)))).append("\"]");
            a.append(",\"referendum\":\"").append(new String[] {"yes", "no", "unsure"}[pick(random, new double[] {0.5, 0.3, 0.2})]);
            a.append("\",\"age\":\"").append(new String[] {"18-29", "30-44", "45-59", "60+"}[pick(random, new double[] {0.2, 0.3, 0.3, 0.2})]);
            if (random.nextDouble() < 0.1) {
                a.append("\",\"comment\":\"").append(random.nextLong());
            }
            return a.append("\"}").toString();
        };
    }

    /** 50,000 genuine responses, each from its own client. */
    List<Arrival> genuine(Random random, Answers answers, DoubleFunction<Double> rate, RegionShift shift) {
        double[] base = turnout(random);
        List<Arrival> arrivals = new ArrayList<>();
        int n = 0;
        for (double t : times(random, GENUINE, rate)) {
            double[] weights = shift.apply(base, t);
            String region = regions.get(pick(random, weights)).code();
            arrivals.add(new Arrival(t, "genuine-" + n++, region, answers.draw(random, t, region), false));
        }
        return arrivals;
    }

    interface RegionShift {
        double[] apply(double[] base, double seconds);

        RegionShift NONE = (base, t) -> base;
    }

    /** {@code addresses} clients each sending {@code each} copies of one answer set into one region, from {@code start}, at {@code perSecond}. */
    static List<Arrival> flood(int addresses, int each, String region, String answers, double start, double perSecond) {
        List<Arrival> arrivals = new ArrayList<>();
        int total = addresses * each;
        for (int i = 0; i < total; i++) {
            arrivals.add(new Arrival(start + i / perSecond, "flood-" + (i % addresses), region, answers, true));
        }
        return arrivals;
    }

    /** The same flood, each copy with a comment of its own (as a script varies the text to look like many people). */
    static List<Arrival> floodWithComments(Random random, int addresses, int each, String region, String answers,
            double start, double perSecond) {
        List<Arrival> arrivals = new ArrayList<>();
        for (Arrival a : flood(addresses, each, region, answers, start, perSecond)) {
            String withComment = a.answers().substring(0, a.answers().length() - 1) + ",\"comment\":\"" + random.nextLong() + "\"}";
            arrivals.add(new Arrival(a.seconds(), a.client(), a.region(), withComment, true));
        }
        return arrivals;
    }

    /** Any key does: the service's is derived from its secret. */
    static final byte[] PATTERN_KEY = "simulation".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The simulation's answers as the service makes a pattern of them: free text (the demo's comment) left out. */
    static String withoutText(String answers) {
        return answers.replaceAll(",\"comment\":\"[^\"]*\"", "");
    }

    // ---- running the rules ------------------------------------------------------------

    Outcome run(String scenario, List<Arrival> traffic) {
        MemoryCounters counters = new MemoryCounters();
        ReviewRules rules = new ReviewRules(defaults(), counters);
        List<Arrival> ordered = new ArrayList<>(traffic);
        ordered.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        // The survey opens at an arbitrary moment: counting windows do not start with it.
        long opened = 1_790_000_000_000L + 37_123;
        List<String> surveyRegions = regions.stream().map(Region::code).toList();
        int genuine = 0;
        int genuineHeld = 0;
        int flood = 0;
        int floodHeld = 0;
        Map<QuarantineReason, Integer> reasons = new EnumMap<>(QuarantineReason.class);
        for (Arrival a : ordered) {
            counters.now = opened + (long) (a.seconds() * 1000);
            ReviewCandidate rated = new ReviewCandidate(a.client(), QuarantinePolicy.pattern(PATTERN_KEY, 1, a.region(), withoutText(a.answers())),
                    PopularityRule.prior(populations, surveyRegions, a.region()));
            Optional<QuarantineReason> decision = rules.classify("1", List.of(rated)).get(0);
            decision.ifPresent(r -> reasons.merge(r, 1, Integer::sum));
            if (a.flood()) {
                flood++;
                floodHeld += decision.isPresent() ? 1 : 0;
            } else {
                genuine++;
                genuineHeld += decision.isPresent() ? 1 : 0;
            }
        }
        return new Outcome(scenario, genuine, genuineHeld, flood, floodHeld, reasons);
    }

    static List<Arrival> plus(List<Arrival> a, List<Arrival> b) {
        List<Arrival> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    List<Outcome> scenarios() {
        double background = GENUINE / (MINUTES * 60);
        DoubleFunction<Double> steady = t -> 1.0;
        // A broadcast: the rate triples for minutes 3 to 5.
        DoubleFunction<Double> broadcast = t -> t >= 180 && t < 300 ? 3.0 : 1.0;
        int donetsk = regionIndex("UA-14");
        int kharkiv = regionIndex("UA-63");
        RegionShift kharkivRamp = (base, t) -> {
            double[] w = base.clone();
            w[kharkiv] *= 1 + 2 * t / (MINUTES * 60);
            return w;
        };
        RegionShift kharkivBroadcast = (base, t) -> {
            double[] w = base.clone();
            if (t >= 240 && t < 420) {
                w[kharkiv] *= 3;
            }
            return w;
        };
        String floodDemo = "{\"arrangement\":\"recognition\",\"guarantees\":[\"none\"],\"trust\":5,\"priorities\":[\"peace\"],"
                + "\"referendum\":\"no\",\"age\":\"60+\"}";
        List<Outcome> out = new ArrayList<>();
        out.add(run("genuine: yes/no at 70/30", genuine(new Random(SEED), yesNo(t -> 0.7), steady, RegionShift.NONE)));
        out.add(run("genuine: demo survey, rate x3 in minutes 3-5",
                genuine(new Random(SEED + 1), demo(), broadcast, RegionShift.NONE)));
        out.add(run("genuine: yes/no drifting 40% -> 75% yes, Kharkiv turnout x1 -> x3",
                genuine(new Random(SEED + 2), yesNo(t -> 0.40 + 0.35 * t / (MINUTES * 60)), steady, kharkivRamp)));
        out.add(run("genuine: yes/no at 70/30, Kharkiv turnout x3 in minutes 4-7",
                genuine(new Random(SEED + 3), yesNo(t -> 0.7), steady, kharkivBroadcast)));
        out.add(run("flood: one client sends 500 in a minute (yes/no background)",
                plus(genuine(new Random(SEED + 4), yesNo(t -> 0.7), steady, RegionShift.NONE),
                        flood(1, 500, "UA-14", "{\"consent\":\"no\"}", 300, 500 / 60.0))));
        out.add(run("flood: 1,000 addresses x 10 'no' into UA-14 at 5x background (yes/no)",
                plus(genuine(new Random(SEED + 5), yesNo(t -> 0.7), steady, RegionShift.NONE),
                        flood(1000, 10, "UA-14", "{\"consent\":\"no\"}", 300, 5 * background))));
        out.add(run("flood: 1,000 addresses x 10 'yes' into UA-14 at 5x background (yes/no)",
                plus(genuine(new Random(SEED + 6), yesNo(t -> 0.7), steady, RegionShift.NONE),
                        flood(1000, 10, "UA-14", "{\"consent\":\"yes\"}", 300, 5 * background))));
        out.add(run("flood: 1,000 addresses x 10 one answer set into UA-14 at 5x background (demo)",
                plus(genuine(new Random(SEED + 7), demo(), steady, RegionShift.NONE),
                        flood(1000, 10, "UA-14", floodDemo, 300, 5 * background))));
        out.add(run("flood: first minutes, from the opening second, 'yes' into UA-14 at 5x background",
                plus(genuine(new Random(SEED + 8), yesNo(t -> 0.7), steady, RegionShift.NONE),
                        flood(1000, 10, "UA-14", "{\"consent\":\"yes\"}", 0, 5 * background))));
        out.add(run("flood: first minutes, from the opening second, one demo answer set into UA-14 at 5x",
                plus(genuine(new Random(SEED + 9), demo(), steady, RegionShift.NONE),
                        flood(1000, 10, "UA-14", floodDemo, 0, 5 * background))));
        out.add(run("flood: 1,000 addresses x 10 one demo answer set, each copy with its own comment, into UA-14 at 5x",
                plus(genuine(new Random(SEED + 10), demo(), steady, RegionShift.NONE),
                        floodWithComments(new Random(SEED + 11), 1000, 10, "UA-14", floodDemo, 300, 5 * background))));
        if (donetsk < 0 || kharkiv < 0) {
            throw new IllegalStateException("UA-14 and UA-63 must be regions of the scheme");
        }
        return out;
    }

    private int regionIndex(String code) {
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    static String table(List<Outcome> outcomes) {
        StringBuilder t = new StringBuilder();
        t.append("| scenario | genuine | genuine held | flood | flood held | detection | held by reason |\n");
        t.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Outcome o : outcomes) {
            Map<String, Integer> reasons = new LinkedHashMap<>();
            o.reasons().forEach((r, n) -> reasons.put(r.name(), n));
            t.append(String.format("| %s | %,d | %,d | %,d | %,d | %s | %s |%n", o.scenario(), o.genuine(), o.genuineHeld(),
                    o.flood(), o.floodHeld(), o.flood() == 0 ? "–" : String.format("%.1f%%", 100.0 * o.floodHeld() / o.flood()),
                    reasons.isEmpty() ? "–" : reasons.toString().replaceAll("[{}]", "").replace("=", ": ")));
        }
        return t.toString();
    }

    static List<Region> readRegions(Path csv) throws IOException {
        List<Region> regions = new ArrayList<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] cells = line.split(",", -1);
            if (cells.length > 5 && !cells[5].isBlank()) {
                regions.add(new Region(cells[0], Double.parseDouble(cells[5])));
            }
        }
        return regions;
    }

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args.length > 0 ? args[0] : "src/main/resources/regions/UA.csv");
        System.out.print(table(new ReviewSimulation(readRegions(csv)).scenarios()));
    }
}
