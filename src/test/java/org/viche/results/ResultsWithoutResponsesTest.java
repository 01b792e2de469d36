package org.viche.results;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.viche.support.Api.ADMIN_TOKEN;
import static org.viche.support.Api.openSurvey;
import static org.viche.support.Api.submit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Results are computed from the roll-up: with the responses table locked against every reader
 * (maintenance), they still answer, with the counts folded so far. Were any code path to wait
 * for responses, the request would wait on the lock until the client gives up, and the test
 * would fail.
 */
@QuarkusTest
class ResultsWithoutResponsesTest {

    /** Long enough never to trip a healthy request; short enough to fail fast on a blocked one. */
    private static final RestAssuredConfig GIVE_UP_AFTER_10_SECONDS = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", 10_000)
                    .setParam("http.connection.timeout", 10_000));

    @Inject
    DataSource dataSource;

    @Inject
    TallyRollup rollup;

    @Test
    void resultsAnswerWhileTheResponseTableIsLockedAgainstReads() throws SQLException {
        String slug = openSurvey("locked", List.of("UA-14", "UA-09"));
        submit(slug, "UA-14", Map.of("arrangement", "sez", "trust", 4));
        submit(slug, "UA-14", Map.of("arrangement", "sez"));
        submit(slug, "UA-09", Map.of("arrangement", "dmz", "trust", 2));
        rollup.fold(); // counted into the tally; from now on results need no response

        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("lock table viche.response in access exclusive mode");
                assertReadingResponsesIsBlocked();

                String path = "/api/v1/surveys/" + slug + "/results";
                patient().header("Authorization", "Bearer " + ADMIN_TOKEN).get(path).then().statusCode(200)
                        .body("responses", equalTo(3))
                        .body("questions.find { it.key == 'arrangement' }.overall.options.find { it.key == 'sez' }.count",
                                equalTo(2))
                        .body("questions.find { it.key == 'trust' }.overall.n", equalTo(2));
                patient().get(path).then().statusCode(200).body("perturbation.applied", equalTo(true));
                patient().get(path + ".csv").then().statusCode(200);
            } finally {
                locker.rollback();
                locker.setAutoCommit(true);
            }
        }
    }

    private static RequestSpecification patient() {
        return given().config(GIVE_UP_AFTER_10_SECONDS);
    }

    /** The lock is real: any other reader of responses is refused (here at once, thanks to lock_timeout). */
    private void assertReadingResponsesIsBlocked() throws SQLException {
        try (Connection reader = dataSource.getConnection(); Statement statement = reader.createStatement()) {
            statement.execute("set lock_timeout = '100ms'");
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeQuery("select count(*) from viche.response"));
            assertEquals("55P03", refused.getSQLState(), "lock_not_available");
            statement.execute("reset lock_timeout");
        }
    }
}
