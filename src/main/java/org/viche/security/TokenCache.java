package org.viche.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.viche.transaction.AfterTransaction;

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

    /** Moves on at every revocation on this instance. */
    private final AtomicLong generation = new AtomicLong();

    @Inject
    TransactionSynchronizationRegistry transactions;

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
    void remember(String secretHash, ApiToken token, SecurityIdentity identity, long readInGeneration) {
        if (entries.size() > SWEEP_ABOVE) {
            long now = System.nanoTime();
            entries.values().removeIf(e -> !e.freshAt(now));
        }
        entries.put(secretHash, new Entry(identity, token.expiresAt, System.nanoTime()));
        if (generation.get() != readInGeneration) {
            entries.remove(secretHash); // a revocation here completed while the row was being read
        }
    }

    /**
     * A token was revoked here: no entry may outlive the change on this instance. Forgotten now
     * and again when the revoking transaction ends, since a request in between still reads the
     * unrevoked row and would remember it.
     */
    public void forgetAll() {
        AfterTransaction.nowAndAtTheEnd(transactions, () -> {
            generation.incrementAndGet();
            entries.clear();
        });
    }

    /**
     * Taken before a token is read from the database and given back to {@link #remember}: a row
     * read before a revocation here completed is not remembered after it.
     */
    long generation() {
        return generation.get();
    }
}
