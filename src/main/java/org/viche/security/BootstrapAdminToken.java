package org.viche.security;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.viche.config.VicheConfig;

import io.quarkus.runtime.StartupEvent;

/** Gives a fresh install its first admin from {@code VICHE_BOOTSTRAP_ADMIN_TOKEN}. */
public class BootstrapAdminToken {

    private static final Logger LOG = Logger.getLogger(BootstrapAdminToken.class);

    @Inject
    VicheConfig config;

    @Inject
    TokenService tokens;

    void onStart(@Observes StartupEvent event) {
        config.bootstrapAdminToken().filter(s -> !s.isBlank()).ifPresent(secret -> {
            try {
                if (tokens.bootstrapAdmin(secret)) {
                    LOG.info("Bootstrap admin token stored (hashed)");
                }
            } catch (RuntimeException e) {
                // Another instance starting at the same moment may have stored it first.
                LOG.warn("Bootstrap admin token not stored: " + e.getMessage());
            }
        });
    }
}
