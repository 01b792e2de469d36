package org.viche.security;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.viche.config.VicheConfig;

import io.quarkus.runtime.StartupEvent;

/**
 * Gives a fresh install its first admin token at start: the one in
 * {@code VICHE_BOOTSTRAP_ADMIN_TOKEN}, or else a generated one that is shown once in the log and
 * written to a file only the user can read. Whatever the rule refuses is said loudly (ERROR),
 * never skipped in silence: an operator who set a token must learn that it does not work.
 */
public class BootstrapAdminToken {

    private static final Logger LOG = Logger.getLogger(BootstrapAdminToken.class);

    @Inject
    VicheConfig config;

    @Inject
    TokenService tokens;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    void onStart(@Observes StartupEvent event) {
        BootstrapOutcome outcome;
        try {
            outcome = tokens.bootstrap(config.bootstrapAdminToken());
        } catch (RuntimeException e) {
            LOG.error("The first admin token could not be set up: " + e.getMessage());
            return;
        }
        if (outcome.kind() == BootstrapOutcome.Kind.GENERATED) {
            announce(outcome.generatedSecret().orElseThrow());
        } else if (outcome.refused()) {
            LOG.error(describe(outcome));
        } else {
            LOG.info(describe(outcome));
        }
    }

    private void announce(String secret) {
        Path file = Path.of(config.adminTokenFile()).toAbsolutePath();
        String written;
        try {
            AdminTokenFile.write(file, secret);
            written = "It is also in " + file + " (readable only by you):\n    ADMIN=$(cat " + file + ")\n";
        } catch (IOException | RuntimeException e) {
            written = "It could not be written to " + file + " (" + e + "); copy it from here:\n    ADMIN=" + secret + "\n";
        }
        LOG.warn(announcement(secret, written, port));
    }

    /** The one time a generated token is shown. WARN, so that it stands out and is not filtered away. */
    static String announcement(String secret, String written, int port) {
        return "\n\nFIRST ADMIN TOKEN (shown this once, stored only hashed): " + secret + "\n\n"
                + "Generated because the database holds no usable admin token and VICHE_BOOTSTRAP_ADMIN_TOKEN is not set.\n"
                + written
                + "Use it as a bearer token, e.g. to list tokens:\n"
                + "    curl -s -H \"Authorization: Bearer $ADMIN\" http://localhost:" + port + "/api/v1/tokens\n";
    }

    static String describe(BootstrapOutcome outcome) {
        return switch (outcome.kind()) {
            case STORED -> "VICHE_BOOTSTRAP_ADMIN_TOKEN stored (hashed) as the first admin token";
            case ALREADY_ADMIN -> "VICHE_BOOTSTRAP_ADMIN_TOKEN is already an admin token; nothing to do";
            case NOTHING_TO_DO -> "An admin token exists; no bootstrap token needed";
            case GENERATED -> "A first admin token was generated";
            case REFUSED_TOO_SHORT -> "VICHE_BOOTSTRAP_ADMIN_TOKEN REFUSED: it has fewer than " + BootstrapOutcome.MIN_LENGTH
                    + " characters, and an admin token must not be guessable. Nothing was stored; restart with a longer"
                    + " one, e.g. VICHE_BOOTSTRAP_ADMIN_TOKEN=$(openssl rand -hex 32).";
            case REFUSED_ADMIN_EXISTS -> "VICHE_BOOTSTRAP_ADMIN_TOKEN REFUSED: this database already holds a usable admin"
                    + " token, and the bootstrap token only ever creates the first one. It was NOT stored: calls with it"
                    + " will be 401. Use an existing admin token (an admin can issue more at POST /api/v1/tokens), or"
                    + " unset VICHE_BOOTSTRAP_ADMIN_TOKEN.";
            case REFUSED_ALREADY_ISSUED -> "VICHE_BOOTSTRAP_ADMIN_TOKEN REFUSED: this secret was issued before and is no"
                    + " longer a usable admin token (revoked, expired or of another role). Choose a new one.";
        };
    }
}
