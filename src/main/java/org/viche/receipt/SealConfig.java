package org.viche.receipt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often responses are sealed, and how many go into one seal. */
@ConfigMapping(prefix = "viche.seal")
public interface SealConfig {

    /**
     * Time between sealing runs (Quarkus duration syntax: {@code 60s}, {@code 5m}); {@code off}
     * stops the schedule (closing a survey still seals it). Read by {@link Sealer}'s
     * {@code @Scheduled} expression, declared here to document it.
     */
    @WithDefault("60s")
    String interval();

    /**
     * The most responses in one seal. A receipt's proof reads every leaf hash of its seal
     * (32 bytes each), so this bounds the cost of a receipt lookup; a larger backlog simply
     * becomes several seals.
     */
    @WithDefault("4096")
    int maxLeaves();
}
