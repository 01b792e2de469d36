package org.viche.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Gives each test run its own empty PostgreSQL database, created before Quarkus starts and
 * dropped when it stops, so runs never share state and no test depends on leftovers.
 * The server, in this order:
 * <ol>
 * <li>{@code VICHE_TEST_PG_URL} (with {@code VICHE_TEST_PG_USER}, {@code VICHE_TEST_PG_PASSWORD}),
 * which must answer;</li>
 * <li>a PostgreSQL answering on localhost:5432 (user postgres, no password, unless the two
 * variables above say otherwise);</li>
 * <li>else an embedded PostgreSQL started for this run, so {@code ./mvnw -B verify} needs
 * nothing but a JDK. {@code VICHE_TEST_PG=embedded} goes there directly.</li>
 * </ol>
 */
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    static final String LOCAL_SERVER = "jdbc:postgresql://localhost:5432/";

    /** One embedded server per test JVM, however often Quarkus restarts; its own hook stops it. */
    private static EmbeddedPostgres embedded;

    private String serverUrl;
    private String user;
    private String password;
    private String database;

    @Override
    public Map<String, String> start() {
        user = env("VICHE_TEST_PG_USER", "postgres");
        password = env("VICHE_TEST_PG_PASSWORD", "");
        serverUrl = chooseServer();
        database = "viche_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create database " + database);
        return Map.of(
                "quarkus.datasource.jdbc.url", serverUrl + database,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        execute("drop database if exists " + database + " with (force)");
    }

    private String chooseServer() {
        if ("embedded".equals(System.getenv("VICHE_TEST_PG"))) {
            return embeddedServer("VICHE_TEST_PG=embedded");
        }
        String given = env("VICHE_TEST_PG_URL", null);
        if (given != null) {
            announce("tests use PostgreSQL at " + given + " (VICHE_TEST_PG_URL)");
            return given;
        }
        try (Connection probe = DriverManager.getConnection(LOCAL_SERVER + "postgres", user, password)) {
            announce("tests use the PostgreSQL answering on localhost:5432");
            return LOCAL_SERVER;
        } catch (SQLException e) {
            return embeddedServer("no PostgreSQL accepted " + user + " on localhost:5432 (" + e.getMessage() + ")");
        }
    }

    private String embeddedServer(String why) {
        user = "postgres";
        password = "";
        return startEmbedded(why);
    }

    private static synchronized String startEmbedded(String why) {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL for the tests did not start", e);
            }
        }
        announce("tests use an embedded PostgreSQL on localhost:" + embedded.getPort() + ": " + why);
        return "jdbc:postgresql://localhost:" + embedded.getPort() + "/";
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + " is needed for the tests: " + e.getMessage(), e);
        }
    }

    /** On the console, not only in a report: which server a run used decides what it proved. */
    private static void announce(String line) {
        System.out.println("[FreshDatabase] " + line);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
