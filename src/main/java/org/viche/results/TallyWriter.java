package org.viche.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.viche.results.TallyBuckets.Counter;

/**
 * Adds responses' counters to the roll-up inside the caller's transaction, so a 201 and its
 * counts commit together. A whole batch becomes one statement: counters are summed in
 * memory first, written in a fixed order (no deadlocks between concurrent writers), and
 * spread over {@link #SLOTS} rows each so that concurrent submissions rarely wait on the
 * same row lock.
 */
@ApplicationScoped
public class TallyWriter {

    static final int SLOTS = 8;

    private static final String UPSERT = """
            insert into tally (survey_id, question, region, bucket, source, slot, count, key_sum)
            select c.survey_id, c.question, c.region, c.bucket, c.source, ?, c.count, c.key_sum
              from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
                   as c(survey_id, question, region, bucket, source, count, key_sum)
             order by c.survey_id, c.question, c.region, c.bucket, c.source
            on conflict (survey_id, question, region, bucket, source, slot)
            do update set count = tally.count + excluded.count, key_sum = tally.key_sum + excluded.key_sum
            """;

    /**
     * Where one response's counters go; {@code recordKey} is the response's random key
     * (0..255, {@link CellKeys}), added to the key sum of every counter it touches.
     */
    public record Target(long surveyId, String region, String source, List<Counter> counters, int recordKey) {
    }

    /** A counter's change: how many responses and the sum of their record keys. */
    private record Change(long count, long keySum) {
        Change plus(Change o) {
            return new Change(count + o.count, keySum + o.keySum);
        }
    }

    private record Key(long surveyId, String question, String region, String bucket, String source)
            implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(surveyId, o.surveyId);
            c = c != 0 ? c : question.compareTo(o.question);
            c = c != 0 ? c : region.compareTo(o.region);
            c = c != 0 ? c : bucket.compareTo(o.bucket);
            return c != 0 ? c : source.compareTo(o.source);
        }
    }

    public void add(Connection connection, List<Target> responses) throws SQLException {
        add(connection, responses, 1);
    }

    /** Adds {@code delta} (negative to take back) to each counter of each target. */
    public void add(Connection connection, List<Target> responses, long delta) throws SQLException {
        Map<Key, Change> sums = new TreeMap<>();
        for (Target t : responses) {
            Change change = new Change(delta, delta * t.recordKey());
            for (Counter c : t.counters()) {
                sums.merge(new Key(t.surveyId(), c.question(), t.region(), c.bucket(), t.source()), change, Change::plus);
            }
        }
        if (sums.isEmpty()) {
            return;
        }
        List<Key> keys = new ArrayList<>(sums.keySet());
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setShort(1, (short) ThreadLocalRandom.current().nextInt(SLOTS));
            upsert.setArray(2, connection.createArrayOf("bigint", keys.stream().map(Key::surveyId).toArray(Long[]::new)));
            upsert.setArray(3, connection.createArrayOf("text", keys.stream().map(Key::question).toArray(String[]::new)));
            upsert.setArray(4, connection.createArrayOf("text", keys.stream().map(Key::region).toArray(String[]::new)));
            upsert.setArray(5, connection.createArrayOf("text", keys.stream().map(Key::bucket).toArray(String[]::new)));
            upsert.setArray(6, connection.createArrayOf("text", keys.stream().map(Key::source).toArray(String[]::new)));
            upsert.setArray(7, connection.createArrayOf("bigint", keys.stream().map(k -> sums.get(k).count()).toArray(Long[]::new)));
            upsert.setArray(8, connection.createArrayOf("bigint", keys.stream().map(k -> sums.get(k).keySum()).toArray(Long[]::new)));
            upsert.executeUpdate();
        }
    }
}
