package org.viche.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Recently resolved bearer tokens, so that a partner sending thousands of responses a second
 * costs one token lookup a second, not one per response. An entry lives {@link #LIFETIME}: a
 * token revoked (or expired) on any instance stops working everywhere within that time, and at
 * once on the instance that revoked it ({@link #forgetAll}). Unknown secrets are never cached.
 * Entries are keyed by the secret's SHA-256, as the database keys them: the cache holds no secret.
 */
@ApplicationScoped
public class TokenCache {

    /** How long a resolved token is believed without asking the database again. */
    static final Duration LIFETIME = Duration.ofSeconds(1);

    /** Far more tokens than any deployment issues; past it, stale entries are swept. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Entry(SecurityIdentity identity, OffsetDateTime expiresAt, long loadedAtNanos) {

        boolean freshAt(long nanos) {
            return nanos - loadedAtNanos < LIFETIME.toNanos();
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The identity of a recently resolved, still usable token, if this instance has one. */
    Optional<SecurityIdentity> recent(String secretHash) {
        Entry entry = entries.get(secretHash);
        if (entry == null || !entry.freshAt(System.nanoTime())) {
            return Optional.empty();
        }
        if (entry.expiresAt() != null && !entry.expiresAt().isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
            entries.remove(secretHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    /** Remembers a usable token just read from the database. */
    void remember(String secretHash, ApiToken token, SecurityIdentity identity) {
        if (entries.size() > SWEEP_ABOVE) {
            long now = System.nanoTime();
            entries.values().removeIf(e -> !e.freshAt(now));
        }
        entries.put(secretHash, new Entry(identity, token.expiresAt, System.nanoTime()));
    }

    /** A token was revoked here: no entry may outlive the change on this instance. */
    public void forgetAll() {
        entries.clear();
    }
}
