package org.viche.security;

import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.withToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Tokens are remembered for a second: what that means for a revocation made on another
 * instance (seen here as a change to the row that did not go through this instance).
 */
@QuarkusTest
class TokenCacheTest {

    @Inject
    DataSource dataSource;

    @Test
    void aTokenRevokedElsewhereIsRefusedHereWithinASecond() throws Exception {
        Map<String, Object> issued = asAdmin().body(Map.of("name", "elsewhere", "role", "researcher"))
                .post("/api/v1/tokens").then().statusCode(201).extract().as(Map.class);
        String secret = (String) issued.get("token");
        withToken(secret).get("/api/v1/surveys/demo-disputed-regions/results").then().statusCode(200);

        revokeBehindThisInstancesBack((String) issued.get("id"));
        // This instance may still remember the token for what is left of the second; not after it.
        Thread.sleep(TokenCache.LIFETIME.toMillis() + 100);
        withToken(secret).get("/api/v1/surveys/demo-disputed-regions/results").then().statusCode(401);
    }

    @Test
    void aTokenRevokedHereIsRefusedAtOnceThoughItWasRemembered() {
        Map<String, Object> issued = asAdmin().body(Map.of("name", "here", "role", "researcher"))
                .post("/api/v1/tokens").then().statusCode(201).extract().as(Map.class);
        String secret = (String) issued.get("token");
        withToken(secret).get("/api/v1/surveys/demo-disputed-regions/results").then().statusCode(200);
        asAdmin().delete("/api/v1/tokens/" + issued.get("id")).then().statusCode(200);
        withToken(secret).get("/api/v1/surveys/demo-disputed-regions/results").then().statusCode(401);
    }

    private void revokeBehindThisInstancesBack(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement revoke = c.prepareStatement("update viche.api_token set revoked_at = now() where id = ?::uuid")) {
            revoke.setString(1, id);
            revoke.executeUpdate();
        }
    }
}
