package org.viche.response;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.viche.support.Api.json;
import static org.viche.support.Api.openSurvey;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.viche.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A 201 means committed: when the database refuses a commit, the caller gets no 201 and
 * nothing of its response is stored, while submissions that shared the group still succeed.
 */
@QuarkusTest
class CommitFailureTest {

    @Inject
    DataSource dataSource;

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aFailedCommitAnswersNo201AndStoresNothing() throws Exception {
        String slug = openSurvey("commitfail", List.of("UA-14"));
        // The database itself refuses one particular response, as a failing disk or constraint would.
        sql("create function viche.refuse_marked() returns trigger language plpgsql as $$ begin "
                + "if new.answers->>'comment' = 'refuse me' then raise exception 'refused by test'; end if; "
                + "return new; end $$");
        sql("create trigger refuse_marked before insert on viche.response for each row execute function viche.refuse_marked()");
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> refused = pool.submit(() -> {
                start.await();
                return json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez", "comment", "refuse me")))
                        .post("/api/v1/surveys/" + slug + "/responses").statusCode();
            });
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                others.add(pool.submit(() -> {
                    start.await();
                    return json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "dmz")))
                            .post("/api/v1/surveys/" + slug + "/responses").statusCode();
                }));
            }
            start.countDown();
            assertEquals(503, refused.get());
            for (Future<Integer> other : others) {
                assertEquals(201, other.get(), "a neighbour in the same group is still stored");
            }
        } finally {
            pool.shutdownNow();
            sql("drop trigger refuse_marked on viche.response");
            sql("drop function viche.refuse_marked()");
        }
        assertEquals(8, Api.storedResponses(slug));
        json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez", "comment", "refuse me")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201)
                .body("receipt", org.hamcrest.Matchers.notNullValue());
        assertEquals(9, Api.storedResponses(slug));
    }

    @Test
    void theRefusalIsAProblemWithRetryAfter() throws Exception {
        String slug = openSurvey("commitfail2", List.of("UA-14"));
        sql("create function viche.refuse_all() returns trigger language plpgsql as $$ begin "
                + "raise exception 'refused by test'; end $$");
        sql("create trigger refuse_all before insert on viche.response for each row execute function viche.refuse_all()");
        try {
            json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")))
                    .post("/api/v1/surveys/" + slug + "/responses")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", equalTo("1")).body("status", equalTo(503));
        } finally {
            sql("drop trigger refuse_all on viche.response");
            sql("drop function viche.refuse_all()");
        }
        assertEquals(0, Api.storedResponses(slug));
    }
}
