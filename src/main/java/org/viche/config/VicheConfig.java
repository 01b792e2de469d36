package org.viche.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything Viche itself can be told; Quarkus' own settings stay under {@code quarkus.*}. */
@ConfigMapping(prefix = "viche")
public interface VicheConfig {

    /** When set and no admin token exists yet, this secret becomes the first admin token. */
    Optional<String> bootstrapAdminToken();

    Demo demo();

    Limits limits();

    Regions regions();

    RateLimit rateLimit();

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

        /** Largest form body accepted on the citizen pages. */
        @WithDefault("65536")
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
