package org.viche.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything Viche itself can be told; Quarkus' own settings stay under {@code quarkus.*}. */
@ConfigMapping(prefix = "viche")
public interface VicheConfig {

    /** Where the embedded PostgreSQL keeps its data unless told otherwise (git-ignored). */
    String EMBEDDED_POSTGRES_DIRECTORY = ".viche/postgres";

    /**
     * When set, at least 32 characters long, and the database holds no usable (unrevoked)
     * admin token, this secret becomes the first admin token; refused loudly otherwise.
     */
    Optional<String> bootstrapAdminToken();

    /**
     * The service's secret, kept outside the database ({@code VICHE_SECRET}, at least 32
     * characters, the same on every instance); without it a single instance draws its own
     * ({@link ServiceSecretSource}). Invitation-code keys and the CSRF signature derive from it.
     */
    String secret();

    /**
     * Where a generated first admin token is written (readable only by the service's user),
     * when the database holds no usable admin token and none was given.
     */
    @WithDefault(".viche/admin-token")
    String adminTokenFile();

    EmbeddedPostgres embeddedPostgres();

    interface EmbeddedPostgres {
        /**
         * Data directory of the embedded PostgreSQL started when no datasource URL is set
         * (read before Quarkus starts, by org.viche.launch; declared here so it is a known key).
         */
        @WithDefault(EMBEDDED_POSTGRES_DIRECTORY)
        String directory();
    }

    Demo demo();

    Limits limits();

    Regions regions();

    RateLimit rateLimit();

    Metrics metrics();

    interface Metrics {
        /** The bearer token a scraper presents at /q/metrics; without one, metrics are not served. */
        java.util.Optional<String> token();
    }

    interface RateLimit {
        /** Switch off only for load tests of the raw submission path. */
        @WithDefault("true")
        boolean enabled();

        /** Length of one counting window. */
        @WithDefault("PT1M")
        Duration window();

        /**
         * Anonymous submissions per window from one client address to one survey. Generous on
         * purpose: a mobile carrier's NAT can put thousands of respondents behind one address;
         * the limit is there to stop a script, not a crowd.
         */
        @WithDefault("300")
        int publicPerWindow();

        /** Submitted items (single or in batches) per window for one partner token. */
        @WithDefault("6000")
        int partnerPerWindow();
    }

    Results results();

    interface Demo {
        /** Load the example survey at start (idempotent across restarts). */
        @WithDefault("true")
        boolean enabled();
    }

    interface Limits {
        /** Largest JSON body accepted on /api, except the batch endpoint. */
        @WithDefault("65536")
        long apiBodyBytes();

        /** Largest body accepted by the batch endpoint (up to 1000 items). */
        @WithDefault("1048576")
        long batchBodyBytes();

        /** Largest form body accepted on the citizen pages: room for long Cyrillic answers, percent-encoded. */
        @WithDefault("262144")
        long formBodyBytes();

        /**
         * Largest form body accepted by the authors' console: a pasted definition is URL-encoded,
         * which makes each Cyrillic letter six bytes, so a definition the API takes fits here too.
         */
        @WithDefault("1048576")
        long consoleBodyBytes();
    }

    interface Regions {
        /**
         * A folder of extra region-scheme CSV files ({@code <SCHEME>.csv}, same columns as
         * the bundled UA scheme), so operators can load new population figures without a
         * code change. A file here replaces the bundled scheme of the same name.
         */
        Optional<String> directory();
    }

    interface Results {
        /**
         * How often public results (anonymous callers and partner tokens) are republished.
         * Figures that changed with every response would let anyone difference two readings
         * taken around one person's submission (statistics.md); a coarse interval, shared
         * by every instance, prevents that. Admin and researcher tokens see current figures.
         */
        @WithDefault("PT1M")
        Duration publishInterval();
    }
}
