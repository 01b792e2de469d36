package org.viche.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.json;
import static org.viche.support.Api.openSurvey;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * While PostgreSQL is unreachable every endpoint answers 503 with Retry-After: the test's own
 * database is closed to connections and its sessions ended (what a restart or a network cut
 * looks like to the pool), then opened again.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Inject
    AgroalDataSource pool;

    private static void onServer(String sql) throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password); Statement s = c.createStatement()) {
            s.execute(sql.replace("$db", url.substring(url.lastIndexOf('/') + 1)));
        }
    }

    @Test
    void everyEndpointAnswers503WithRetryAfterWhileTheDatabaseIsUnreachable() throws Exception {
        String slug = openSurvey("outage", List.of("UA-14"));
        onServer("alter database $db allow_connections false");
        onServer("select pg_terminate_backend(pid) from pg_stat_activity where datname = '$db'");
        try {
            json().body(Map.of("region", "UA-14", "answers", Map.of("arrangement", "sez")))
                    .post("/api/v1/surveys/" + slug + "/responses")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
            given().get("/api/v1/surveys/" + slug + "/results")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("status", equalTo(503));
            asAdmin().get("/api/v1/surveys").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
            given().get("/s/" + slug).then().statusCode(503).contentType(startsWith("text/html"))
                    .header("Retry-After", notNullValue());
            given().get("/").then().statusCode(503).contentType(startsWith("text/html"));
            given().get("/q/health/ready").then().statusCode(503)
                    .body(not(containsString("localhost"))).body(not(containsString("5432")))
                    .body(not(containsString("viche_test")));
        } finally {
            onServer("alter database $db allow_connections true");
            pool.flush(AgroalDataSource.FlushMode.ALL);
        }
        given().get("/api/v1/surveys/" + slug + "/results").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
