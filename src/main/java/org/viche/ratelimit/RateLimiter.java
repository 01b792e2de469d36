package org.viche.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
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
 * Counters in PostgreSQL, so a limit holds across every instance behind a load balancer.
 * Each counter is a row per (bucket, aligned window); a limit reads it as a <b>sliding
 * window</b>: this window's count plus the previous window's, weighted by how much of it
 * still lies within the last window length. A fixed window would let a client spend its
 * whole allowance just before the edge and again just after it — twice the limit within
 * seconds; the weighted previous window closes that gap.
 *
 * <p>A refused submission still counts (a script that keeps hammering stays refused). A single
 * submission is charged in the transaction that stores it ({@code SubmissionLimits#charge}), so
 * a submission whose group fails to commit is not charged; a batch is charged in a transaction of
 * its own. Bucket names hold only keyed, daily-rotated hashes of
 * client addresses ({@link ClientHasher}); rows older than an hour are deleted.
 */
@ApplicationScoped
public class RateLimiter {

    /**
     * Adds each cost to its bucket's current window and reads the previous window beside it.
     * Buckets in a fixed order, so that concurrent statements lock shared rows in the same order.
     */
    private static final String ADD_SLIDING = """
            with added as (
                insert into rate_limit_window (bucket, window_start, count)
                select b.bucket, ?, b.cost from unnest(?::text[], ?::int[]) as b(bucket, cost) order by b.bucket
                on conflict (bucket, window_start) do update set count = rate_limit_window.count + excluded.count
                returning bucket, count)
            select a.bucket, a.count, coalesce(p.count, 0) from added a
              left join rate_limit_window p on p.bucket = a.bucket and p.window_start = ?
            """;

    /** Adds each cost to its bucket's current slot and sums the bucket's slots since a moment. */
    private static final String ADD_TO_SLOTS = """
            with added as (
                insert into rate_limit_window (bucket, window_start, count)
                select b.bucket, ?, b.cost from unnest(?::text[], ?::int[]) as b(bucket, cost) order by b.bucket
                on conflict (bucket, window_start) do update set count = rate_limit_window.count + excluded.count
                returning bucket, count, window_start)
            select a.bucket, a.count + coalesce((select sum(r.count) from rate_limit_window r
                                                  where r.bucket = a.bucket and r.window_start > ? and r.window_start < a.window_start), 0)
              from added a
            """;

    private static final String SUM = """
            select bucket, sum(count) from rate_limit_window where bucket = any(?::text[]) and window_start > ? and window_start <= ?
             group by bucket
            """;

    /**
     * A counter lost in a database crash is harmless, so this transaction need not wait for
     * its commit to reach the disk: that wait would otherwise double the cost of a submission.
     */
    private static final String RELAXED_COMMIT = "set local synchronous_commit = off";

    @Inject
    DataSource dataSource;

    /**
     * Adds {@code cost} to the bucket's sliding window.
     *
     * @return empty if still within {@code limit}, else the seconds until it would be again
     */
    public OptionalLong acquire(String bucket, int cost, int limit, Duration window) {
        return acquire(bucket, cost, limit, window, Instant.now());
    }

    /** As {@link #acquire(String, int, int, Duration)}, at a given moment (tests cross a window's edge with it). */
    OptionalLong acquire(String bucket, int cost, int limit, Duration window, Instant now) {
        Window counts = QuarkusTransaction.requiringNew().call(() -> addSliding(Map.of(bucket, cost), window, now)).get(bucket);
        return counts.retryAfterSeconds(limit);
    }

    /**
     * Adds each bucket's cost to its sliding window, all in one statement, limiting nothing.
     *
     * @return each bucket's sliding-window count, this addition included
     */
    public Map<String, Long> addSliding(Map<String, Integer> costs, Duration window) {
        Instant now = Instant.now();
        Map<String, Window> windows = QuarkusTransaction.requiringNew().call(() -> addSliding(costs, window, now));
        Map<String, Long> counts = new HashMap<>();
        windows.forEach((bucket, w) -> counts.put(bucket, w.estimate()));
        return counts;
    }

    /**
     * Adds each cost to its bucket's current slot of length {@code slot} and returns the
     * bucket's total over the last {@code span} (at slot granularity), this addition included.
     */
    public Map<String, Long> addToSlots(Map<String, Integer> costs, Duration slot, Duration span) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = relaxed()) {
                return addToSlots(connection, costs, slot, span, now);
            }
        });
    }

    /** As {@link #addToSlots(Map, Duration, Duration)}, in the transaction of {@code connection}. */
    public static Map<String, Long> addToSlots(Connection connection, Map<String, Integer> costs, Duration slot, Duration span,
            Instant now) throws SQLException {
        List<String> buckets = sorted(costs);
        try (PreparedStatement add = connection.prepareStatement(ADD_TO_SLOTS)) {
            add.setObject(1, utc(aligned(now, slot)));
            add.setArray(2, connection.createArrayOf("text", buckets.toArray()));
            add.setArray(3, connection.createArrayOf("integer", buckets.stream().map(costs::get).toArray()));
            add.setObject(4, utc(now.minus(span)));
            return read(add);
        }
    }

    /**
     * Each bucket's total over the last {@code span}, leaving out the slots that began within the
     * last {@code recent}; buckets never counted are absent.
     */
    public Map<String, Long> sum(Collection<String> buckets, Duration span, Duration recent) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return sum(connection, buckets, span, recent, now);
            }
        });
    }

    /** As {@link #sum(Collection, Duration, Duration)}, in the transaction of {@code connection}. */
    public static Map<String, Long> sum(Connection connection, Collection<String> buckets, Duration span, Duration recent,
            Instant now) throws SQLException {
        try (PreparedStatement sum = connection.prepareStatement(SUM)) {
            sum.setArray(1, connection.createArrayOf("text", buckets.toArray()));
            sum.setObject(2, utc(now.minus(span)));
            sum.setObject(3, utc(now.minus(recent)));
            return read(sum);
        }
    }

    /**
     * One bucket's sliding window at a moment: its current window's count, the previous one's,
     * and how far into the current window the moment lies (0 to 1).
     */
    public record Window(long current, long previous, double elapsed, Duration length) {

        /** The count over the last window length, the previous window assumed evenly spread. */
        public long estimate() {
            return current + (long) Math.floor(previous * (1 - elapsed));
        }

        /** Empty within {@code limit}; else the whole seconds until the estimate falls back to it. */
        public OptionalLong retryAfterSeconds(long limit) {
            if (estimate() <= limit) {
                return OptionalLong.empty();
            }
            // Over the limit on its own: past this window's end, until its weight has fallen enough.
            double waitFraction = current > limit
                    ? (1 - elapsed) + (1 - (double) limit / current)
                    : (1 - (double) (limit - current) / previous) - elapsed;
            long seconds = (long) Math.ceil(Math.max(0, waitFraction) * length.toMillis() / 1000.0);
            return OptionalLong.of(Math.max(1, seconds));
        }
    }

    private Map<String, Window> addSliding(Map<String, Integer> costs, Duration window, Instant now) throws SQLException {
        try (Connection connection = relaxed()) {
            return addSliding(connection, costs, window, now);
        }
    }

    /**
     * Adds each cost to its bucket's sliding window in the transaction of {@code connection}
     * (the group commit's: the counters commit with the responses they admitted) and returns
     * each bucket's window, this addition included.
     */
    public static Map<String, Window> addSliding(Connection connection, Map<String, Integer> costs, Duration window,
            Instant now) throws SQLException {
        Instant start = aligned(now, window);
        double elapsed = (double) (now.toEpochMilli() - start.toEpochMilli()) / window.toMillis();
        List<String> buckets = sorted(costs);
        try (PreparedStatement add = connection.prepareStatement(ADD_SLIDING)) {
            add.setObject(1, utc(start));
            add.setArray(2, connection.createArrayOf("text", buckets.toArray()));
            add.setArray(3, connection.createArrayOf("integer", buckets.stream().map(costs::get).toArray()));
            add.setObject(4, utc(start.minus(window)));
            Map<String, Window> windows = new HashMap<>();
            try (ResultSet rs = add.executeQuery()) {
                while (rs.next()) {
                    windows.put(rs.getString(1), new Window(rs.getLong(2), rs.getLong(3), elapsed, window));
                }
            }
            return windows;
        }
    }

    /** Buckets in one order everywhere, so that transactions adding to the same rows lock them in the same order. */
    private static List<String> sorted(Map<String, Integer> costs) {
        List<String> buckets = new ArrayList<>(costs.keySet());
        buckets.sort(null);
        return buckets;
    }

    /** A connection of the current transaction, which need not wait for the disk (see {@link #RELAXED_COMMIT}). */
    private Connection relaxed() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement relaxed = connection.prepareStatement(RELAXED_COMMIT)) {
            relaxed.execute();
        }
        return connection;
    }

    private static Map<String, Long> read(PreparedStatement query) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    static Instant aligned(Instant now, Duration window) {
        return Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), window.toMillis()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
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
