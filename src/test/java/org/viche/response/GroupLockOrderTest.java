package org.viche.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.viche.support.Api.openSurvey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.viche.quarantine.QuarantineConfig;
import org.viche.quarantine.ReviewCandidate;
import org.viche.survey.SurveyService;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Review finding: a group's review counters are charged survey by survey in the iteration order
 * of a {@code HashMap<Long, …>} — for two survey ids in the same hash bucket (ids 16 apart),
 * an order set by which of them appears first in the group ({@code computeIfAbsent} puts a new
 * key at the head of its bucket, so the later one comes first). Every anonymous response locks its survey's
 * shared {@code review:arrived:<survey>} counter row, so two groups committing at once (two
 * committer threads, or two instances) that hold the same two surveys in opposite orders lock
 * those rows in opposite orders: a deadlock, and PostgreSQL aborts one group — every response in
 * it, up to 2,000 people's, is answered "not stored".
 *
 * <p>The same holds for the per-client counters (ten-minute windows), used here because they make
 * the interleaving deterministic: an uncommitted counter row that the first group needs for its
 * second survey holds it there (after it locked its first survey's rows) until the second group
 * has locked its own first survey's rows and waits for the first group's.
 */
@QuarkusTest
class GroupLockOrderTest {

    @Inject
    ResponseStore store;

    @Inject
    SurveyService surveys;

    @Inject
    DataSource dataSource;

    @Inject
    QuarantineConfig quarantine;

    @Test
    void twoGroupsWithTheSameSurveysInOppositeOrdersBothCommit() throws Exception {
        long[] pair = twoSurveysSixteenApart();
        long first = pair[0];
        long second = pair[1];
        long run = System.nanoTime();
        // client names chosen so that, among one survey's client counters (locked in name order), the gated one comes first
        String gatedClient = "a-gated-" + run;
        String x = "m-" + run;
        String z = "z-" + run;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection gate = dataSource.getConnection()) {
            gate.setAutoCommit(false);
            holdClientCounter(gate, gatedClient, second);

            // group 1: the first survey, then the second (held at the gate, its first survey's row locked)
            // (listed the other way round: the group's HashMap iterates colliding ids in reverse order of appearance)
            Future<?> one = pool.submit(() -> commit(List.of(anonymous(second, gatedClient), anonymous(second, z),
                    anonymous(first, x))));
            awaitWaiters(1);
            // group 2: the same surveys the other way round
            Future<?> two = pool.submit(() -> commit(List.of(anonymous(first, x), anonymous(second, z))));
            try {
                awaitWaiters(2);
            } catch (IllegalStateException e) {
                String state = two.isDone() ? "done" : "running";
                try {
                    state += " " + two.get(1, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception f) {
                    state += " " + rootCause(f);
                }
                throw new IllegalStateException("group 2 " + state, e);
            }
            gate.rollback();

            List<String> failures = new ArrayList<>();
            for (Future<?> group : List.of(one, two)) {
                try {
                    group.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(String.valueOf(rootCause(e).getMessage()));
                }
            }
            assertEquals(List.of(), failures, "a group of innocent responses was aborted");
        } finally {
            pool.shutdownNow();
        }
    }

    private Object commit(List<ResponseStore.NewResponse> group) {
        return QuarkusTransaction.requiringNew().call(() -> store.insertAll(group));
    }

    private static ResponseStore.NewResponse anonymous(long surveyId, String clientHash) {
        return new ResponseStore.NewResponse(surveyId, "UA-14", "en", Channel.API, null, "{\"arrangement\":\"sez\"}", null,
                null, null, null, null, new ReviewCandidate(clientHash, "pattern-" + surveyId, 0.5));
    }

    /** Opens surveys until two have ids in the same bucket of a small HashMap (16 apart). */
    private long[] twoSurveysSixteenApart() {
        Map<Long, Long> byBucket = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            long id = surveys.findPublic(openSurvey("lockorder", List.of("UA-14", "UA-09"))).id();
            Long earlier = byBucket.putIfAbsent(id % 16, id);
            if (earlier != null) {
                return new long[] {earlier, id};
            }
        }
        throw new IllegalStateException("no two survey ids 16 apart");
    }

    /** An uncommitted counter row of the gated client for the survey: its upsert waits for this transaction. */
    private void holdClientCounter(Connection gate, String clientHash, long surveyId) throws Exception {
        long window = quarantine.window().toMillis();
        long now = Instant.now().toEpochMilli();
        try (PreparedStatement insert = gate.prepareStatement(
                "insert into viche.rate_limit_window (bucket, window_start, count) values (?, ?, 0)")) {
            insert.setString(1, "quarantine:client:" + clientHash + ":" + surveyId);
            insert.setObject(2, Instant.ofEpochMilli(now - Math.floorMod(now, window)).atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** Waits (by condition, not by time) until {@code n} sessions wait for a row lock on the counters. */
    private void awaitWaiters(int n) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                        + "and query like '%rate_limit_window%' and datname = current_database()");
                PreparedStatement fresh = c.prepareStatement("select pg_stat_clear_snapshot()")) {
            c.setAutoCommit(true);
            // a bound only so that a broken interleaving fails instead of hanging the build
            for (long spins = 0; spins < 100_000L; spins++) {
                fresh.execute(); // pg_stat_activity is otherwise read once per transaction
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= n) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
            throw new IllegalStateException("the groups never reached the interleaving");
        }
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
