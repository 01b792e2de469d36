package org.viche.results;

import java.util.HashMap;
import java.util.Map;

/** Summed counters of one survey: (question, region, bucket) → count and the sum of its records' keys. */
public final class TallySnapshot {

    private record Key(String question, String region, String bucket) {
    }

    private record Sums(long count, long keySum) {
        Sums plus(Sums o) {
            return new Sums(count + o.count, keySum + o.keySum);
        }
    }

    private static final Sums NONE = new Sums(0, 0);

    private final Map<Key, Sums> counts = new HashMap<>();

    public void add(String question, String region, String bucket, long count) {
        add(question, region, bucket, count, 0);
    }

    public void add(String question, String region, String bucket, long count, long keySum) {
        counts.merge(new Key(question, region, bucket), new Sums(count, keySum), Sums::plus);
    }

    public long count(String question, String region, String bucket) {
        return counts.getOrDefault(new Key(question, region, bucket), NONE).count();
    }

    /** The sum of the record keys of the responses counted in this cell (statistics.md, cell keys). */
    public long keySum(String question, String region, String bucket) {
        return counts.getOrDefault(new Key(question, region, bucket), NONE).keySum();
    }

    /** Counted responses over every region (the held ones are not counted). */
    public long responses() {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().question().equals(TallyBuckets.SURVEY_LEVEL) && e.getKey().bucket().equals(TallyBuckets.RESPONSES))
                .mapToLong(e -> e.getValue().count()).sum();
    }

    public long responses(String region) {
        return count(TallyBuckets.SURVEY_LEVEL, region, TallyBuckets.RESPONSES);
    }

    public long quarantined(String region) {
        return count(TallyBuckets.SURVEY_LEVEL, region, TallyBuckets.QUARANTINED);
    }

    public long quarantined(String region, String reason) {
        return count(TallyBuckets.SURVEY_LEVEL, region, TallyBuckets.quarantinedFor(reason));
    }

    public long answered(String question, String region) {
        return count(question, region, TallyBuckets.ANSWERED);
    }

    public long option(String question, String region, String option) {
        return count(question, region, TallyBuckets.OPTION + option);
    }

    public long value(String question, String region, int value) {
        return count(question, region, TallyBuckets.VALUE + value);
    }

    public long ranked(String question, String region, String option, int position) {
        return count(question, region, TallyBuckets.RANK + option + ":" + position);
    }
}
