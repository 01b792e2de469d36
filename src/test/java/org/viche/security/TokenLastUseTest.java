package org.viche.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** A token's last use: recorded when it authenticates, at most once per five minutes, listed by the API. */
@QuarkusTest
class TokenLastUseTest {

    @Inject
    DataSource dataSource;

    @Inject
    TokenCache cache;

    @Test
    void aTokensUseIsRecordedAtMostOncePerFiveMinutesAndListed() throws SQLException {
        var issued = asAdmin().body(Map.of("name", "partner-last-use", "role", "partner"))
                .post("/api/v1/tokens").then().statusCode(201).extract();
        UUID id = UUID.fromString(issued.path("id"));
        String secret = issued.path("token");
        assertNull(listed(id), "never used yet");
        assertNull(stored(id));

        // any authenticated request is a use, even one its role is refused
        use(secret).statusCode(403);
        OffsetDateTime first = stored(id);
        assertNotNull(first);
        assertEquals(first.toInstant(), OffsetDateTime.parse(listed(id)).toInstant(), "the API lists it");

        // within five minutes of the recorded use nothing is written
        OffsetDateTime recent = set(id, "now() - interval '1 minute'");
        use(secret).statusCode(403);
        assertEquals(recent, stored(id));

        // after five minutes the next use is recorded again
        OffsetDateTime old = set(id, "now() - interval '6 minutes'");
        use(secret).statusCode(403);
        assertNotEquals(old, stored(id));
        assertEquals(true, stored(id).isAfter(old));

        // a refused secret records nothing for anyone
        set(id, "now() - interval '6 minutes'");
        OffsetDateTime before = stored(id);
        json().header("Authorization", "Bearer " + secret + "x").get("/api/v1/tokens").then().statusCode(401);
        assertEquals(before, stored(id));
    }

    /** A request with the token, resolved from the database (not from the last second's cache), as a new token would be. */
    private ValidatableResponse use(String secret) {
        cache.forgetAll();
        return json().header("Authorization", "Bearer " + secret).get("/api/v1/tokens").then();
    }

    private static String listed(UUID id) {
        return asAdmin().get("/api/v1/tokens").then().statusCode(200).extract()
                .path("find { it.id == '" + id + "' }.lastUsedAt");
    }

    private OffsetDateTime stored(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select last_used_at from api_token where id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        }
    }

    private OffsetDateTime set(UUID id, String moment) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("update api_token set last_used_at = " + moment + " where id = ?")) {
            u.setObject(1, id);
            u.executeUpdate();
        }
        return stored(id);
    }
}
