package org.viche.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.openSurvey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The roll-up folds each response into the tally exactly once, whoever folds and however
 * often, and current figures are the same before and after a fold.
 */
@QuarkusTest
class TallyRollupTest {

    @Inject
    TallyRollup rollup;

    @Inject
    DataSource dataSource;

    @Test
    void foldsRacingWithSubmissionsCountEveryResponseOnceAndFiguresNeverJump() throws Exception {
        String slug = openSurvey("rollup", List.of("UA-14", "UA-09"));
        String[] options = {"sez", "dmz", "return"};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String region = i % 2 == 0 ? "UA-14" : "UA-09";
                String option = options[i % options.length];
                // as admin: never held or rate-limited, so every one of them counts
                work.add(pool.submit(() -> asAdmin().body(Map.of("region", region, "answers", Map.of("arrangement", option)))
                        .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201)));
                if (i % 10 == 0) {
                    work.add(pool.submit(rollup::fold)); // folds race the inserts and each other
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        String before = current(slug);
        assertEquals(60, io.restassured.path.json.JsonPath.from(before).getInt("responses"));
        rollup.fold();
        rollup.fold();
        assertEquals(before, current(slug), "folding changes where the counts live, not what they are");
        assertEquals(60, folded(slug, "responses"), "every response in the tally, once");
        assertEquals(0, unfolded(), "nothing committed is left past the watermark");
    }

    /** Current figures as an admin reads them, less the time they were computed at. */
    private static String current(String slug) {
        return asAdmin().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200).extract().asString()
                .replaceAll("\"generatedAt\":\"[^\"]*\"", "\"generatedAt\":\"\"");
    }

    private long folded(String slug, String bucket) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select coalesce(sum(count), 0) from viche.tally t join viche.survey s "
                        + "on s.id = t.survey_id where s.slug = ? and t.question = '' and t.bucket = ?")) {
            q.setString(1, slug);
            q.setString(2, bucket);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long unfolded() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select count(*) from viche.response where seq > (select folded from viche.tally_watermark)");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
