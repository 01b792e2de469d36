package org.viche.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The public snapshot of a survey's results, kept in PostgreSQL ({@code published_results}) so
 * that every instance serves the same figures. The cadence (statistics.md, differencing over
 * time): a new snapshot replaces the stored one only once it is older than the publish interval
 * <em>and</em> at least {@code minCellSize} new responses have been counted since it — so two
 * snapshots never differ by one person — except that the first snapshot after the survey closes
 * is always published. The replacement is a conditional upsert: when two instances race, the
 * second one's write is refused and it serves the first one's snapshot. Times come from the
 * database clock, so instances with skewed clocks still agree.
 */
@ApplicationScoped
public class PublishedResults {

    private static final String READ = """
            select date_trunc('second', now()), p.body,
                   coalesce(p.published_at > now() - ? * interval '1 millisecond', false),
                   p.published_at, p.counted,
                   (select coalesce(sum(t.count), 0) from tally t
                     where t.survey_id = ? and t.question = '' and t.bucket = 'responses')
              from (values (1)) as one (x)
              left join published_results p on p.survey_id = ?
            """;

    private static final String PUBLISH = """
            insert into published_results as p (survey_id, published_at, body, counted) values (?, ?, ?::jsonb, ?)
            on conflict (survey_id) do update
               set published_at = excluded.published_at, body = excluded.body, counted = excluded.counted
             where p.published_at < excluded.published_at
               and (p.published_at <= excluded.published_at - ? * interval '1 millisecond'
                    or p.published_at < ?::timestamptz)
            """;

    private static final String REREAD = "select body from published_results where survey_id = ?";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    TallyRollup rollup;

    private static final Logger LOG = Logger.getLogger(PublishedResults.class);

    /** How long this instance serves a snapshot from memory before asking the database again. */
    static final Duration MEMO_LIFETIME = Duration.ofSeconds(1);

    /**
     * How long a memo past its lifetime may still be served while one reader's request refreshes
     * it in the background. Beyond it (refreshes failing: the database is unreachable) readers
     * wait for the database again, and hear from it.
     */
    static final Duration STALE_LIMIT = Duration.ofSeconds(10);

    private final Map<Long, Memo> memos = new ConcurrentHashMap<>();

    /** Surveys whose memo is being refreshed in the background: one refresh at a time per survey. */
    private final Map<Long, Boolean> refreshing = new ConcurrentHashMap<>();

    /** Moves on when the memos are forgotten: a refresh started before must not bring one back. */
    private final AtomicLong generation = new AtomicLong();

    /** The memo's clock (nanoseconds); tests move it instead of waiting. */
    private volatile LongSupplier nanos = System::nanoTime;

    /**
     * A snapshot as computed for publication: its figures and the exact number of counted
     * responses they were computed from — stored beside it, so that "new responses since this
     * snapshot" is counted from what it really contains.
     */
    public record Computed(ResultsView view, long counted) {
    }

    /** The snapshot with no minimum of new responses and no closing date (the interval alone). */
    public ResultsView get(long surveyId, Duration interval, Function<OffsetDateTime, ResultsView> compute) {
        return get(surveyId, interval, 0, null, at -> new Computed(compute.apply(at), 0));
    }

    /**
     * The snapshot to serve. Within {@link #MEMO_LIFETIME} of reading it, this instance's memo; up
     * to {@link #STALE_LIMIT}, still the memo, while a refresh reads the database in the
     * background — so a reader never waits for the database, the roll-up or a new snapshot's
     * computation, which under heavy ingest took hundreds of milliseconds. Public figures are up to
     * a publish interval old by design; the memo adds at most the time one refresh takes. A memo
     * from before the survey closed is never served: the final results are read at once.
     *
     * @param minNew counted responses needed since the stored snapshot before a new one is published
     * @param closedAt when the survey closed, or null: a snapshot older than that is always replaced
     * @param compute computes fresh results stamped with the given time; called only when the
     *        stored snapshot is missing or due for replacement
     */
    public ResultsView get(long surveyId, Duration interval, long minNew, OffsetDateTime closedAt,
            Function<OffsetDateTime, Computed> compute) {
        Memo memo = memos.get(surveyId);
        long now = nanos.getAsLong();
        if (memo != null && memo.covers(closedAt)) {
            long age = now - memo.atNanos();
            if (age < Math.min(MEMO_LIFETIME.toNanos(), interval.toNanos())) {
                return memo.view();
            }
            // Stale serving only where snapshots last longer than that anyway (the default minute).
            boolean mayServeStale = interval.compareTo(STALE_LIMIT) > 0 && age < STALE_LIMIT.toNanos();
            if (mayServeStale) {
                if (refreshing.putIfAbsent(surveyId, Boolean.TRUE) == null) {
                    refreshInBackground(surveyId, interval, minNew, closedAt, compute);
                }
                return memo.view(); // this reader's refresh, or another's, is on its way
            }
        }
        return refresh(surveyId, interval, minNew, closedAt, compute, generation.get());
    }

    private void refreshInBackground(long surveyId, Duration interval, long minNew, OffsetDateTime closedAt,
            Function<OffsetDateTime, Computed> compute) {
        long startedIn = generation.get();
        try {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    refresh(surveyId, interval, minNew, closedAt, compute, startedIn);
                } catch (RuntimeException e) {
                    LOG.warn("Published results could not be refreshed; the memo is served meanwhile: " + e.getMessage());
                } finally {
                    refreshing.remove(surveyId);
                }
            });
        } catch (RuntimeException e) { // the pool refuses work (shutting down): the next reader tries again
            refreshing.remove(surveyId);
        }
    }

    private ResultsView refresh(long surveyId, Duration interval, long minNew, OffsetDateTime closedAt,
            Function<OffsetDateTime, Computed> compute, long startedIn) {
        try {
            ResultsView view = getStored(surveyId, interval.toMillis(), minNew, closedAt, compute);
            Memo fresh = new Memo(view.generatedAt(), view, nanos.getAsLong());
            if (generation.get() == startedIn) {
                // a slow refresh must not put back an older snapshot than a faster one stored
                memos.merge(surveyId, fresh, (old, now) -> now.publishedAt().isBefore(old.publishedAt()) ? old : now);
            }
            return view;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot read or publish results", e);
        }
    }

    void useClock(LongSupplier clock) {
        nanos = clock;
    }

    /** Ends every memo of this instance now, as their lifetime would (tests that age the stored snapshot). */
    void forgetMemos() {
        generation.incrementAndGet();
        memos.clear();
    }

    /** Whether a background refresh of the survey's memo is under way (tests wait for it). */
    boolean isRefreshing(long surveyId) {
        return refreshing.containsKey(surveyId);
    }

    /**
     * A snapshot as this instance last served it. Public readers come in crowds (a broadcast
     * links the results page); they are served from memory, with no query and no parse, so that
     * reading results never competes with storing answers.
     */
    private record Memo(OffsetDateTime publishedAt, ResultsView view, long atNanos) {

        /** False for a snapshot from before the survey closed: the final results replace it at once. */
        boolean covers(OffsetDateTime closedAt) {
            return closedAt == null || !publishedAt.isBefore(closedAt);
        }
    }

    private ResultsView getStored(long surveyId, long intervalMillis, long minNew, OffsetDateTime closedAt,
            Function<OffsetDateTime, Computed> compute) throws SQLException, JsonProcessingException {
        Stored stored = read(surveyId, intervalMillis);
        if (stored.body() == null || !stored.fresh() || stored.predates(closedAt)) {
            // A snapshot may be due: count every response committed so far into the tally, so
            // that "new responses since the snapshot" and the snapshot's own count agree.
            rollup.fold();
            stored = read(surveyId, intervalMillis);
        }
        if (stored.body() != null && !stored.predates(closedAt)
                && (stored.fresh() || stored.countedNow() - stored.counted() < minNew)) {
            return parse(stored.body());
        }
        // computed with no connection held: compute reads the tallies on a connection of its own
        Computed fresh = compute.apply(stored.now());
        // Stored with the count its figures were computed from: the tally alone (countedNow) may
        // lag it by the responses not yet folded, and would let the next snapshot come too soon.
        String published = publish(surveyId, stored.now(), json.writeValueAsString(fresh.view()),
                Math.max(fresh.counted(), stored.countedNow()), intervalMillis, closedAt);
        return published == null ? fresh.view() : parse(published);
    }

    /** The stored snapshot (body null if none), and the responses counted then and now. */
    private record Stored(OffsetDateTime now, String body, boolean fresh, OffsetDateTime publishedAt, long counted,
            long countedNow) {

        /** A snapshot older than the survey's close is always replaced (the final results). */
        boolean predates(OffsetDateTime closedAt) {
            return closedAt != null && body != null && publishedAt.isBefore(closedAt);
        }
    }

    private Stored read(long surveyId, long intervalMillis) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement(READ)) {
            read.setLong(1, intervalMillis);
            read.setLong(2, surveyId);
            read.setLong(3, surveyId);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return new Stored(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getLong(5), rs.getLong(6));
            }
        }
    }

    /** @return null when this snapshot was stored, else the one another instance stored first */
    private String publish(long surveyId, OffsetDateTime now, String body, long counted, long intervalMillis,
            OffsetDateTime closedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement publish = connection.prepareStatement(PUBLISH)) {
                publish.setLong(1, surveyId);
                publish.setObject(2, now);
                publish.setString(3, body);
                publish.setLong(4, counted);
                publish.setLong(5, intervalMillis);
                publish.setObject(6, closedAt);
                if (publish.executeUpdate() == 1) {
                    return null;
                }
            }
            return reread(connection, surveyId);
        }
    }

    private static String reread(Connection connection, long surveyId) throws SQLException {
        try (PreparedStatement reread = connection.prepareStatement(REREAD)) {
            reread.setLong(1, surveyId);
            try (ResultSet rs = reread.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private ResultsView parse(String body) throws JsonProcessingException {
        return json.readValue(body, ResultsView.class);
    }
}
