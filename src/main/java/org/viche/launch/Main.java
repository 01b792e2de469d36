package org.viche.launch;

import java.util.Optional;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point ({@code java -jar quarkus-run.jar}). It runs before Quarkus reads
 * its runtime configuration, which is the one moment a database can still be chosen: with no
 * datasource URL configured it starts the embedded PostgreSQL and hands its URL to Quarkus as
 * a system property. Tests never pass through here; they choose their own database.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        Optional<String> configuredUrl = LaunchConfig.read().datasourceUrl();
        if (configuredUrl.isEmpty()) {
            if (!embeddedIncluded()) {
                System.err.println("No datasource URL is configured, and this build carries no embedded PostgreSQL"
                        + " (container images leave it out): set QUARKUS_DATASOURCE_JDBC_URL.");
                System.exit(1);
            }
            EmbeddedDatabase.startForService();
        }
        Quarkus.run(args);
    }

    private static boolean embeddedIncluded() {
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
