package org.viche.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives each test run its own empty PostgreSQL database, created before Quarkus starts and
 * dropped when it stops, so runs never share state and no test depends on leftovers.
 * The server is the one named by {@code VICHE_TEST_PG_URL} (default: localhost:5432,
 * user postgres), the same server the README's quick start uses.
 */
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    private String serverUrl;
    private String user;
    private String password;
    private String database;

    @Override
    public Map<String, String> start() {
        serverUrl = env("VICHE_TEST_PG_URL", "jdbc:postgresql://localhost:5432/");
        user = env("VICHE_TEST_PG_USER", "postgres");
        password = env("VICHE_TEST_PG_PASSWORD", "");
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

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + " is needed for the tests: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
