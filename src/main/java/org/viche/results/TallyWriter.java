package org.viche.results;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.viche.results.TallyBuckets.Counter;

/**
 * Adds a response's counters to the roll-up, inside the caller's transaction (so a 201 and
 * its counts commit together). Counters are written in a fixed order to avoid deadlocks,
 * and spread over {@link #SLOTS} rows each so that concurrent submissions rarely wait on
 * the same row lock.
 */
@ApplicationScoped
public class TallyWriter {

    static final int SLOTS = 8;

    private static final String UPSERT = """
            insert into tally (survey_id, question, region, bucket, slot, count)
            select ?, c.question, ?, c.bucket, ?, 1
              from unnest(?::text[], ?::text[]) as c(question, bucket)
             order by c.question, c.bucket
            on conflict (survey_id, question, region, bucket, slot)
            do update set count = tally.count + excluded.count
            """;

    public void add(Connection connection, long surveyId, String region, List<Counter> counters) throws SQLException {
        List<Counter> ordered = counters.stream()
                .sorted(Comparator.comparing(Counter::question).thenComparing(Counter::bucket)).toList();
        String[] questions = ordered.stream().map(Counter::question).toArray(String[]::new);
        String[] buckets = ordered.stream().map(Counter::bucket).toArray(String[]::new);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            Array questionArray = connection.createArrayOf("text", questions);
            Array bucketArray = connection.createArrayOf("text", buckets);
            upsert.setLong(1, surveyId);
            upsert.setString(2, region);
            upsert.setShort(3, (short) ThreadLocalRandom.current().nextInt(SLOTS));
            upsert.setArray(4, questionArray);
            upsert.setArray(5, bucketArray);
            upsert.executeUpdate();
        }
    }
}
