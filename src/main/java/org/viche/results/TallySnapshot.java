package org.viche.results;

import java.util.HashMap;
import java.util.Map;

/** Summed counters of one survey: (question, region, bucket) → count. */
public final class TallySnapshot {

    private record Key(String question, String region, String bucket) {
    }

    private final Map<Key, Long> counts = new HashMap<>();

    public void add(String question, String region, String bucket, long count) {
        counts.merge(new Key(question, region, bucket), count, Long::sum);
    }

    public long count(String question, String region, String bucket) {
        return counts.getOrDefault(new Key(question, region, bucket), 0L);
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
