package org.viche.launch;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Says in the log which database the service uses and, for the embedded one, where its data lives. */
class DatabaseBanner {

    private static final Logger LOG = Logger.getLogger(DatabaseBanner.class);

    @Inject
    @ConfigProperty(name = LaunchConfig.URL)
    String url;

    void onStart(@Observes StartupEvent event) {
        EmbeddedDatabase.running().ifPresentOrElse(
                db -> LOG.infof("Database: embedded PostgreSQL %s on localhost:%d (loopback only), data in %s, "
                        + "server log %s; it stops with the service. Set QUARKUS_DATASOURCE_JDBC_URL to use another server.",
                        db.version(), db.port(), db.dataDirectory(), db.logFile()),
                () -> LOG.infof("Database: %s (configured)", withoutCredentials(url)));
    }

    /** A URL may carry a password as a parameter; the log shows only where the server is. */
    static String withoutCredentials(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
