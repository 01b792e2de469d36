package org.viche.launch;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.viche.config.VicheConfig;

import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The few settings read before Quarkus starts, from the same sources Quarkus reads (system
 * properties, environment, {@code .env}, {@code application.properties}), so that "a datasource
 * URL is configured" means the same here as it does to the datasource itself.
 */
record LaunchConfig(Optional<String> datasourceUrl, Path embeddedDirectory) {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String DIRECTORY = "viche.embedded-postgres.directory";

    static LaunchConfig read() {
        Config config = ConfigUtils.configBuilder().build();
        return new LaunchConfig(
                config.getOptionalValue(URL, String.class).filter(url -> !url.isBlank()),
                Path.of(config.getOptionalValue(DIRECTORY, String.class).orElse(VicheConfig.EMBEDDED_POSTGRES_DIRECTORY)).toAbsolutePath());
    }
}
