package org.viche.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyService;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The one writer of the tally from the response log. A submission only inserts its response;
 * about once a second this folds the responses stored since into the tally, summed, so a
 * second of submissions costs one upsert of the counters it touched instead of one per group
 * commit — and the submission path no longer waits on the tally's row locks.
 *
 * <p><b>Exactly once.</b> Responses are folded in order of {@code response.seq}, up to a
 * <i>horizon</i> below which every insert has committed, and the watermark (the last seq
 * folded) moves in the same transaction as the counters. The horizon comes from a lock: every
 * transaction that inserts responses holds {@link #INSERT_LOCK} shared from its start
 * ({@link #holdOffHorizon}); the fold takes it exclusively for an instant (waiting 50 ms at most,
 * since inserts queue behind its request), when no insert is
 * in flight, and reads the highest seq — nothing below it can commit later. The watermark row
 * is locked for the fold, so instances folding at once take turns.
 *
 * <p>Readers of current figures read the tally and the responses past the watermark in one
 * statement ({@link TallyReader}), so they stay exact between folds.
 */
@ApplicationScoped
public class TallyRollup {

    private static final Logger LOG = Logger.getLogger(TallyRollup.class);

    /** Held shared by inserts, exclusively by the fold while it reads the horizon ("viche_r1"). */
    static final long INSERT_LOCK = 0x76696368655f7231L;

    /**
     * Most responses folded in one transaction: a backlog is folded in several. Each is held in
     * memory while its transaction runs; at 20,000 a backlog left by a burst of batches filled the
     * container's 64 MB heap (bench/ingest at c=64).
     */
    static final int MAX_PER_FOLD = 2_000;

    /**
     * One fold at a time in this instance (the scheduled one, a publication's, the sealer's):
     * another would only wait for the watermark's row lock, holding its own responses in memory.
     * A caller waits a moment for it, then leaves the work to the next fold — what is not folded
     * is counted by readers past the watermark all the same.
     */
    private final ReentrantLock folding = new ReentrantLock();

    private static final String LOCK_WATERMARK = "select folded from tally_watermark for update";

    private static final String NEW_RESPONSES = "select r.seq, " + LoggedResponse.COLUMNS
            + " from response r where r.seq > ? and r.seq <= ? order by r.seq limit " + MAX_PER_FOLD;

    @Inject
    DataSource dataSource;

    @Inject
    TallyWriter tallies;

    @Inject
    SurveyService surveys;

    @Inject
    ObjectMapper json;

    /**
     * Called first in every transaction that inserts responses: the fold's horizon waits for it.
     * Shared locks do not wait for one another, so inserts still commit side by side.
     */
    public static void holdOffHorizon(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock_shared(?)")) {
            lock.setLong(1, INSERT_LOCK);
            lock.execute();
        }
    }

    @Scheduled(identity = "tally-rollup", every = "1s", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void foldRegularly() {
        fold();
    }

    /**
     * Folds every response committed before now into the tally.
     *
     * Never fails its caller (readers publishing results, the sealer): what is not folded stays
     * past the watermark, where readers count it, and the next fold takes it.
     *
     * @return how many were folded (none when another instance did it, or the responses were busy: see {@link Busy})
     */
    public int fold() {
        int folded = 0;
        try {
            // As a fold waiting for another's lock would: after a moment, leave it to the next one.
            if (!folding.tryLock(250, TimeUnit.MILLISECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        try {
            long horizon = QuarkusTransaction.requiringNew().call(this::horizon);
            int n;
            do {
                n = QuarkusTransaction.requiringNew().call(() -> foldUpTo(horizon));
                folded += n;
            } while (n == MAX_PER_FOLD);
        } catch (Busy e) {
            LOG.debug("Roll-up skipped: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("The tally roll-up will retry: " + e.getMessage());
        } finally {
            folding.unlock();
        }
        return folded;
    }

    /**
     * An insert held the horizon longer than an instant, or the response table is locked
     * (maintenance): this fold is skipped, the next one tries again.
     */
    private static final class Busy extends RuntimeException {
        Busy(Throwable cause) {
            super("The roll-up could not read the responses at once", cause, false, false);
        }
    }

    /**
     * The highest seq of a committed response, read while no insert is in flight. A slow insert
     * must not make the others queue behind the fold for long, so the wait is bounded ({@link Busy}).
     */
    private long horizon() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // Inserts queue behind this lock request while it waits: wait briefly, skip the round if need be.
            boundLockWaits(connection, "50ms");
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, INSERT_LOCK);
                lock.execute();
            }
            try (PreparedStatement max = connection.prepareStatement("select coalesce(max(seq), 0) from response");
                    ResultSet rs = max.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw busyOr(e);
        }
    }

    private static void boundLockWaits(Connection connection, String wait) throws SQLException {
        try (PreparedStatement timeout = connection.prepareStatement("set local lock_timeout = '" + wait + "'")) {
            timeout.execute();
        }
    }

    private static RuntimeException busyOr(SQLException e) {
        return "55P03".equals(e.getSQLState()) ? new Busy(e) : new IllegalStateException("The tally roll-up failed", e);
    }

    /** One transaction: the counters of the next responses up to {@code horizon}, and the watermark past them. */
    private int foldUpTo(long horizon) {
        try (Connection connection = dataSource.getConnection()) {
            boundLockWaits(connection, "200ms");
            long watermark;
            try (PreparedStatement lock = connection.prepareStatement(LOCK_WATERMARK); ResultSet rs = lock.executeQuery()) {
                rs.next();
                watermark = rs.getLong(1);
            }
            if (watermark >= horizon) {
                return 0;
            }
            List<TallyWriter.Target> targets = new ArrayList<>();
            Map<Long, SurveyDefinition> definitions = new HashMap<>();
            long last = watermark;
            try (PreparedStatement select = connection.prepareStatement(NEW_RESPONSES)) {
                select.setLong(1, watermark);
                select.setLong(2, horizon);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        LoggedResponse response = LoggedResponse.read(rs, 2);
                        SurveyDefinition definition = definitions.computeIfAbsent(response.surveyId(),
                                id -> surveys.findById(id).orElseThrow().definition());
                        targets.add(response.target(definition, json));
                    }
                }
            }
            tallies.add(connection, targets);
            long moved = targets.size() == MAX_PER_FOLD ? last : horizon;
            try (PreparedStatement move = connection.prepareStatement("update tally_watermark set folded = ?")) {
                move.setLong(1, moved);
                move.executeUpdate();
            }
            return targets.size();
        } catch (SQLException e) {
            throw busyOr(e);
        }
    }
}
