package org.viche.admin;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the authors' console. */
@ConfigMapping(prefix = "viche.admin")
public interface AdminConfig {

    /** A console session ends after this long without a request; the person signs in again. */
    @WithDefault("PT30M")
    Duration idleTimeout();
}
