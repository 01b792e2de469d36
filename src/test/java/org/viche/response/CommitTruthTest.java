package org.viche.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.openSurvey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;


import io.quarkus.test.junit.QuarkusTest;

/**
 * The answer to a caller is the truth: with the response table locked, callers whose wait
 * ends are answered 503 only if their work was withdrawn unstarted (and it is then never
 * stored); work a committer had already taken is waited for and answered with its receipt.
 */
@QuarkusTest
class CommitTruthTest {

    @Inject
    DataSource dataSource;

    @Inject
    ResponseCommitter committer;

    @Inject
    SurveyService surveys;

    /** 201 (a receipt) or 503 (not stored), as the resource would answer. */
    record Answer(int status, String marker) {
    }

    private ResponseStore.NewResponse response(SurveySnapshot survey, String marker) throws Exception {
        String answers = "{\"arrangement\":\"sez\",\"comment\":\"" + marker + "\"}";
        return new ResponseStore.NewResponse(survey.id(), "UA-14", "en", Channel.API, null, answers, null, null,
                null, textSalt(), null, null);
    }

    /** A text answer is sealed behind a random salt, as ResponseService gives every one. */
    private static byte[] textSalt() {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        return salt;
    }

    private boolean stored(String marker) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from viche.response where answers->>'comment' = ?")) {
            q.setString(1, marker);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    @Test
    void aCallerWhoseWaitEndsIsAnswered503OnlyForWorkThatWillNeverCommit() throws Exception {
        SurveySnapshot survey = surveys.find(openSurvey("truth", List.of("UA-14"))).orElseThrow();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<Answer>> answers = new java.util.ArrayList<>();
        try (Connection lock = dataSource.getConnection(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("lock table viche.response in exclusive mode");
            // Each committer thread takes one caller's work and blocks on the lock; the rest stay queued.
            for (int i = 0; i < 4; i++) {
                String marker = "truth-" + i;
                ResponseStore.NewResponse r = response(survey, marker);
                answers.add(callers.submit(() -> {
                    try {
                        committer.store(List.of(r), Duration.ofSeconds(1));
                        return new Answer(201, marker);
                    } catch (ResponseCommitter.NotStoredException e) {
                        return new Answer(503, marker);
                    }
                }));
                Thread.sleep(300);
            }
            // Every caller's wait has ended by now; the taken ones are still waiting for their commit.
            Thread.sleep(1500);
            lock.rollback();
        } finally {
            callers.shutdown();
        }
        int created = 0;
        int refused = 0;
        for (Future<Answer> f : answers) {
            Answer a = f.get();
            assertEquals(a.status() == 201, stored(a.marker()), a + ": a row exists exactly when the answer was 201");
            created += a.status() == 201 ? 1 : 0;
            refused += a.status() == 503 ? 1 : 0;
        }
        assertEquals(4, created + refused);
        assertTrue(created >= 1, "work a committer had taken was waited for and committed");
        assertTrue(refused >= 1, "work still queued when its wait ended was withdrawn");
    }
}
