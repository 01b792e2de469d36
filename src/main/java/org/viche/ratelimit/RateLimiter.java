package org.viche.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    private static final String COUNT = """
            insert into rate_limit_window (bucket, window_start, count) values (?, ?, ?)
            on conflict (bucket, window_start) do update set count = rate_limit_window.count + excluded.count
            returning count
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
        long startMillis = now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), windowMillis);
        OffsetDateTime start = Instant.ofEpochMilli(startMillis).atOffset(ZoneOffset.UTC);
        long count = QuarkusTransaction.requiringNew().call(() -> add(bucket, start, cost));
        if (count <= limit) {
            return OptionalLong.empty();
        }
        long remainingMillis = startMillis + windowMillis - now.toEpochMilli();
        return OptionalLong.of(Math.max(1, (remainingMillis + 999) / 1000));
    }

    private long add(String bucket, OffsetDateTime windowStart, int cost) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement relaxed = connection.prepareStatement(RELAXED_COMMIT);
                PreparedStatement count = connection.prepareStatement(COUNT)) {
            relaxed.execute();
            count.setString(1, bucket);
            count.setObject(2, windowStart);
            count.setInt(3, cost);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
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
