package org.viche.security;

import java.util.Optional;

/** What start-up did about the first admin token ({@link TokenService#bootstrap}). */
public record BootstrapOutcome(Kind kind, Optional<String> generatedSecret) {

    /** The shortest bootstrap token accepted: 32 characters, e.g. {@code openssl rand -hex 16} or more. */
    public static final int MIN_LENGTH = 32;

    public enum Kind {
        /** The given token became the first admin token. */
        STORED,
        /** The given token already is a usable admin token (a restart with the same setting). */
        ALREADY_ADMIN,
        /** None given, and a usable admin token exists: nothing to do. */
        NOTHING_TO_DO,
        /** None given and no usable admin token: one was generated ({@link #generatedSecret}). */
        GENERATED,
        /** Refused: shorter than {@link #MIN_LENGTH}. */
        REFUSED_TOO_SHORT,
        /** Refused: a usable admin token exists, so a new one comes only from an admin. */
        REFUSED_ADMIN_EXISTS,
        /** Refused: the secret was issued before (revoked, expired or another role). */
        REFUSED_ALREADY_ISSUED
    }

    static BootstrapOutcome of(Kind kind) {
        return new BootstrapOutcome(kind, Optional.empty());
    }

    static BootstrapOutcome generated(String secret) {
        return new BootstrapOutcome(Kind.GENERATED, Optional.of(secret));
    }

    public boolean refused() {
        return kind.name().startsWith("REFUSED");
    }
}
