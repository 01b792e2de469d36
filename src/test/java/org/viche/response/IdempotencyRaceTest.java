package org.viche.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.viche.support.Api.json;
import static org.viche.support.Api.openSurvey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.viche.support.Api;
import org.viche.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class IdempotencyRaceTest {

    @Test
    void twentyConcurrentRetriesStoreExactlyOneResponse() throws Exception {
        String slug = openSurvey("race", List.of("UA-14"));
        String partner = Tokens.partner(slug);
        Map<String, Object> body = Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez", "trust", 3));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return json().header("Authorization", "Bearer " + partner).header("Idempotency-Key", "one-key")
                            .body(body).post("/api/v1/surveys/" + slug + "/responses");
                };
                calls.add(pool.submit(call));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Response> call : calls) {
                Response response = call.get();
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.path("id"));
            }
            assertEquals(1, ids.size(), "every retry gets the same id");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Api.storedResponses(slug));
    }
}
