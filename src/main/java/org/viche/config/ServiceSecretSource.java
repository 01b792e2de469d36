package org.viche.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The service's secret ({@code viche.secret}) and the keys derived from it, for the settings
 * that need one: invitation-code keys (org.viche.invitation.InvitationKeys) and the signature
 * of the CSRF cookie ({@code quarkus.rest-csrf.token-signature-key}). It lives outside the
 * database on purpose: a copy of the database must not be enough to link a spent code to
 * anything (docs/privacy.md).
 *
 * <p>Deployments give it in {@code VICHE_SECRET} (at least 32 characters, the same on every
 * instance): the environment outranks this source. Without it — the quick start — a single
 * instance draws one and keeps it in {@code ~/.viche/secret} (mode 600), so that it survives
 * restarts. Nothing is computed until a value is asked for.
 */
public final class ServiceSecretSource implements ConfigSource {

    static final String SECRET = "viche.secret";
    static final String CSRF_KEY = "quarkus.rest-csrf.token-signature-key";
    public static final int MIN_LENGTH = 32;

    private volatile String secret;

    /**
     * Empty on purpose: Quarkus enumerates every source's names at build time and would ask for
     * the values, drawing a secret on the build machine. Values are given only when asked by name.
     */
    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String name) {
        if (SECRET.equals(name)) {
            return secret();
        }
        if (CSRF_KEY.equals(name)) {
            return derive(secret(), "viche-csrf-cookie-v1");
        }
        return null;
    }

    @Override
    public String getName() {
        return "viche-service-secret";
    }

    /** Below application.properties (250) and the environment (300): explicit settings win. */
    @Override
    public int getOrdinal() {
        return 100;
    }

    /** A key for one purpose, so that no two uses of the secret share a key. */
    public static String derive(String secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is always available", e);
        }
    }

    private String secret() {
        String cached = secret;
        if (cached == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = resolve();
                }
                cached = secret;
            }
        }
        return cached;
    }

    private static String resolve() {
        String given = System.getenv("VICHE_SECRET");
        if (given == null || given.isBlank()) {
            given = System.getProperty(SECRET);
        }
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path file = Path.of(System.getProperty("user.home"), ".viche", "secret");
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.getParent());
                Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the home directory's own protection has to do
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the service secret " + file
                    + "; set VICHE_SECRET instead", e);
        }
    }
}
