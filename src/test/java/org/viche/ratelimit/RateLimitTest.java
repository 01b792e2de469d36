package org.viche.ratelimit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.json;
import static org.viche.support.Api.openSurvey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.viche.config.VicheConfig;
import org.viche.survey.SurveyService;
import org.viche.support.Api;
import org.viche.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RateLimitTest {

    @Inject
    RateLimiter limiter;

    @Inject
    SubmissionLimits limits;

    @Inject
    SurveyService surveys;

    @Inject
    VicheConfig config;

    @Inject
    DataSource dataSource;

    @Test
    void countsAcrossCallsAndRefusesPastTheLimitWithRetryAfter() {
        String bucket = "test:" + System.nanoTime();
        assertTrue(limiter.acquire(bucket, 2, 3, Duration.ofMinutes(1)).isEmpty());
        assertTrue(limiter.acquire(bucket, 1, 3, Duration.ofMinutes(1)).isEmpty());
        OptionalLong refused = limiter.acquire(bucket, 1, 3, Duration.ofMinutes(1));
        assertTrue(refused.isPresent());
        // Over the limit within this window alone: past its end, until its weight has fallen enough.
        assertTrue(refused.getAsLong() >= 15 && refused.getAsLong() <= 75, "retry after " + refused.getAsLong());
    }

    @Test
    void aClientCannotSpendItsAllowanceTwiceAcrossTheWindowEdge() {
        String bucket = "edge:" + System.nanoTime();
        Duration window = Duration.ofMinutes(1);
        java.time.Instant edge = RateLimiter.aligned(java.time.Instant.now().plus(Duration.ofMinutes(5)), window);
        assertTrue(limiter.acquire(bucket, 10, 10, window, edge.minusMillis(500)).isEmpty(), "the whole allowance, just before the edge");
        OptionalLong afterEdge = limiter.acquire(bucket, 2, 10, window, edge.plusMillis(500));
        assertTrue(afterEdge.isPresent(), "a fixed window would allow ten more here");
        assertTrue(afterEdge.getAsLong() >= 1 && afterEdge.getAsLong() <= 60, "retry within a window: " + afterEdge.getAsLong());
        // Half a window later, half of the previous window still weighs: 2 (refused, still counted) + 3 + 10 * 0.5 = 10.
        assertTrue(limiter.acquire(bucket, 3, 10, window, edge.plusSeconds(30)).isEmpty());
        assertTrue(limiter.acquire(bucket, 1, 10, window, edge.plusSeconds(30)).isPresent());
    }

    @Test
    void theSlidingEstimateWeighsThePreviousWindowByWhatRemainsOfIt() {
        assertEquals(10, new RateLimiter.Window(0, 10, 0.0, Duration.ofMinutes(1)).estimate());
        assertEquals(7, new RateLimiter.Window(2, 10, 0.5, Duration.ofMinutes(1)).estimate());
        assertEquals(2, new RateLimiter.Window(2, 10, 1.0, Duration.ofMinutes(1)).estimate());
        // 2 + 10 * (1 - f) <= 5 once f >= 0.7: 0.2 of a minute after f = 0.5
        assertEquals(OptionalLong.of(12), new RateLimiter.Window(2, 10, 0.5, Duration.ofMinutes(1)).retryAfterSeconds(5));
    }

    @Test
    void countersHoldOnlyKeyedHashesOfAddressesAndExpireWithinTheHour() throws Exception {
        String slug = openSurvey("counters", List.of("UA-14"));
        json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from viche.rate_limit_window where bucket like '%127.0.0.1%'"
                    + " or bucket like '%::1%'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no counter names an address");
            }
            try (ResultSet rs = s.executeQuery("select count(*) from viche.rate_limit_window where bucket like '%"
                    + limits.clientHash("127.0.0.1") + "%'")) {
                rs.next();
                assertTrue(rs.getInt(1) > 0, "the client is counted under today's keyed hash");
            }
            s.execute("insert into viche.rate_limit_window values ('client:old-hash:1', now() - interval '61 minutes', 5)");
            limiter.forgetOldWindows();
            try (ResultSet rs = s.executeQuery("select count(*) from viche.rate_limit_window where bucket = 'client:old-hash:1'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "counters older than an hour are gone");
            }
        }
    }

    @Test
    void anonymousClientOverItsLimitGets429AndNothingIsStored() {
        String slug = openSurvey("limited", List.of("UA-14"));
        long surveyId = surveys.find(slug).orElseThrow().id();
        // REST Assured connects from the loopback address: fill that client's window for this survey
        String client = limits.clientHash("127.0.0.1");
        limiter.acquire("client:" + client + ":" + surveyId, config.rateLimit().publicPerWindow(), Integer.MAX_VALUE,
                config.rateLimit().window());
        json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")))
                .post("/api/v1/surveys/" + slug + "/responses")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(429));
        assertEquals(0, Api.storedResponses(slug));
    }

    @Test
    void concurrentSubmissionsFromOneClientAreAdmittedExactlyUpToTheLimit() throws Exception {
        String slug = openSurvey("concurrent", List.of("UA-14"));
        long surveyId = surveys.find(slug).orElseThrow().id();
        String client = limits.clientHash("127.0.0.1");
        // three submissions left in this client's window; six arrive at once (they share group commits)
        limiter.acquire("client:" + client + ":" + surveyId, config.rateLimit().publicPerWindow() - 3, Integer.MAX_VALUE,
                config.rateLimit().window());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(pool.submit(() -> json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")))
                        .post("/api/v1/surveys/" + slug + "/responses").statusCode()));
            }
            int created = 0;
            int refused = 0;
            for (java.util.concurrent.Future<Integer> status : statuses) {
                created += status.get() == 201 ? 1 : 0;
                refused += status.get() == 429 ? 1 : 0;
            }
            assertEquals(3, created, "admitted up to the limit, not beyond");
            assertEquals(3, refused);
            assertEquals(3, Api.storedResponses(slug));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refusedSubmissionsCountSoAScriptSendingBadOnesIsStoppedToo() {
        String slug = openSurvey("limited-bad", List.of("UA-14"));
        long surveyId = surveys.find(slug).orElseThrow().id();
        String client = limits.clientHash("127.0.0.1");
        limiter.acquire("client:" + client + ":" + surveyId, config.rateLimit().publicPerWindow() - 1, Integer.MAX_VALUE,
                config.rateLimit().window());
        // the last one allowed: refused for its answers, and counted
        json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "no-such-option")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(422);
        // over the limit now: a bad one and a good one alike get 429
        json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "no-such-option")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(429).header("Retry-After", notNullValue());
        json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(429);
        assertEquals(0, Api.storedResponses(slug));
    }

    @Test
    void partnerOverItsLimitGets429() {
        String slug = openSurvey("plimited", List.of("UA-14"));
        String partner = Tokens.partner(slug);
        // a batch larger than what is left of the partner's window is refused as a whole
        int tooMany = config.rateLimit().partnerPerWindow() + 1;
        assertTrue(tooMany > 1000, "the default must let a full batch through");
        java.util.List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")));
        }
        int batches = 0;
        int status = 200;
        while (status == 200 && batches < 10) {
            status = json().header("Authorization", "Bearer " + partner).body(Map.of("items", items))
                    .post("/api/v1/surveys/" + slug + "/responses/batch").statusCode();
            batches++;
        }
        assertEquals(429, status);
        // thousands of identical answers: most are stored but held in quarantine, uncounted
        int held = Api.asAdmin().get("/api/v1/surveys/" + slug + "/results").then().extract().path("quarantined");
        assertEquals((batches - 1) * 1000, Api.storedResponses(slug) + held);
    }

    @Test
    void noRawAddressIsStored() throws Exception {
        String slug = openSurvey("noip", List.of("UA-14"));
        json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select bucket from rate_limit_window union all "
                        + "select coalesce(idempotency_scope, '') from response")) {
            while (rs.next()) {
                String value = rs.getString(1);
                assertTrue(!value.contains("127.0.0.1") && !value.contains("0:0:0:0:0:0:0:1"), value);
            }
        }
        assertNotEquals(limits.clientHash("127.0.0.1"), limits.clientHash("127.0.0.2"));
        assertEquals(limits.clientHash("2001:db8::1"), limits.clientHash("2001:db8::2"), "one IPv6 /64 is one client");
    }
}
