package org.viche.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database answers. Replaces the datasource's built-in check, whose DOWN
 * body quotes the driver's message — host and port included — to anyone who asks: this one
 * says UP or DOWN and nothing else.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("select 1");
            return HealthCheckResponse.up("Database");
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.down("Database");
        }
    }
}
