package org.viche.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Fixed-window counters in PostgreSQL, so a limit holds across every instance behind a load
 * balancer. One upsert per request, committed on its own (a refused or failed submission
 * still counts: a script that keeps hammering stays refused).
 */
@ApplicationScoped
public class RateLimiter {

    /** Buckets in a fixed order, so that concurrent statements lock shared rows in the same order. */
    private static final String COUNT = """
            insert into rate_limit_window (bucket, window_start, count)
            select b.bucket, ?, b.cost from unnest(?::text[], ?::int[]) as b(bucket, cost) order by b.bucket
            on conflict (bucket, window_start) do update set count = rate_limit_window.count + excluded.count
            returning bucket, count
            """;

    /**
     * A counter lost in a database crash is harmless, so this transaction need not wait for
     * its commit to reach the disk: that wait would otherwise double the cost of a submission.
     */
    private static final String RELAXED_COMMIT = "set local synchronous_commit = off";

    @Inject
    DataSource dataSource;

    /**
     * Adds {@code cost} to the bucket's current window.
     *
     * @return empty if still within {@code limit}, else the seconds until the window ends
     */
    public OptionalLong acquire(String bucket, int cost, int limit, Duration window) {
        Instant now = Instant.now();
        long windowMillis = window.toMillis();
        long startMillis = windowStart(now, window);
        long count = QuarkusTransaction.requiringNew().call(() -> add(Map.of(bucket, cost), startMillis)).get(bucket);
        if (count <= limit) {
            return OptionalLong.empty();
        }
        long remainingMillis = startMillis + windowMillis - now.toEpochMilli();
        return OptionalLong.of(Math.max(1, (remainingMillis + 999) / 1000));
    }

    /**
     * Adds each bucket's cost to its current window, all in one statement, limiting nothing.
     *
     * @return each bucket's count in the window, this addition included
     */
    public Map<String, Long> add(Map<String, Integer> costs, Duration window) {
        long startMillis = windowStart(Instant.now(), window);
        return QuarkusTransaction.requiringNew().call(() -> add(costs, startMillis));
    }

    private static long windowStart(Instant now, Duration window) {
        return now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), window.toMillis());
    }

    private Map<String, Long> add(Map<String, Integer> costs, long windowStartMillis) throws SQLException {
        List<String> buckets = new ArrayList<>(costs.keySet());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement relaxed = connection.prepareStatement(RELAXED_COMMIT);
                PreparedStatement count = connection.prepareStatement(COUNT)) {
            relaxed.execute();
            count.setObject(1, Instant.ofEpochMilli(windowStartMillis).atOffset(ZoneOffset.UTC));
            count.setArray(2, connection.createArrayOf("text", buckets.toArray()));
            count.setArray(3, connection.createArrayOf("integer", buckets.stream().map(costs::get).toArray()));
            Map<String, Long> counts = new HashMap<>();
            try (ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        }
    }

    /** Old windows are useless; any instance may clear them. */
    @Scheduled(every = "10m", delayed = "1m")
    void forgetOldWindows() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement delete = connection.prepareStatement(
                            "delete from rate_limit_window where window_start < now() - interval '1 hour'")) {
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
