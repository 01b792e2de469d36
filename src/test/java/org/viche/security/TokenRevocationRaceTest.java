package org.viche.security;

import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.withToken;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Review finding: {@link TokenService#revoke} empties this instance's {@link TokenCache} inside
 * its transaction, before the revocation commits. A request that resolves the token in between
 * reads the still-unrevoked row and remembers it again, so the revoking instance keeps accepting
 * the token after the revocation has committed — contrary to "at once on the instance that
 * revoked it" (TokenCache, api.md).
 */
@QuarkusTest
class TokenRevocationRaceTest {

    @Inject
    TokenService tokens;

    @Test
    void aRequestResolvedWhileTheRevocationCommitsDoesNotKeepTheTokenAliveHere() {
        Map<String, Object> issued = asAdmin().body(Map.of("name", "race", "role", "researcher"))
                .post("/api/v1/tokens").then().statusCode(201).extract().as(Map.class);
        String secret = (String) issued.get("token");
        String results = "/api/v1/surveys/demo-disputed-regions/results";

        QuarkusTransaction.begin();
        try {
            tokens.revoke(UUID.fromString((String) issued.get("id")));
            // a request arriving while the revocation is being committed: the row is not revoked yet
            withToken(secret).get(results).then().statusCode(200);
        } finally {
            QuarkusTransaction.commit();
        }

        withToken(secret).get(results).then().statusCode(401);
    }
}
