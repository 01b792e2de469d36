package org.viche.survey;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.viche.transaction.AfterTransaction;

/**
 * Surveys as recently read, by slug: every submission and every results read names its survey,
 * and reading the row each time was a seventh of a submission's cost. An entry lives
 * {@link #LIFETIME}; a change made on this instance drops it when its transaction ends, so this
 * instance sees its own changes at once and others within that time. Staleness never decides
 * what is stored: an insert checks, in its own transaction, that the survey is still open.
 */
@ApplicationScoped
class RecentSurveys {

    static final Duration LIFETIME = Duration.ofSeconds(1);

    /**
     * How long a stale entry is still handed out while another caller reads the row again. A
     * crowd arriving as an entry expires would otherwise read the same row all at once, every
     * second; one of them reads it, the others go on with what was read a moment ago.
     */
    static final Duration STALE_LIMIT = Duration.ofSeconds(5);

    private record Entry(Optional<SurveySnapshot> survey, long readAtNanos, AtomicBoolean reading) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The entries' clock (nanoseconds); tests move it instead of waiting. */
    LongSupplier nanos = System::nanoTime;

    Optional<SurveySnapshot> get(String slug, Supplier<Optional<SurveySnapshot>> read) {
        long now = nanos.getAsLong();
        Entry entry = entries.get(slug);
        if (entry != null) {
            long age = now - entry.readAtNanos();
            if (age < LIFETIME.toNanos()) {
                return entry.survey();
            }
            if (age < STALE_LIMIT.toNanos() && !entry.reading().compareAndSet(false, true)) {
                return entry.survey(); // another caller is reading the row right now
            }
        }
        try {
            Optional<SurveySnapshot> survey = read.get();
            // Unknown slugs are not remembered: anyone may ask for any name.
            survey.ifPresent(s -> entries.put(slug, new Entry(survey, now, new AtomicBoolean())));
            return survey;
        } finally {
            if (entry != null) {
                entry.reading().set(false);
            }
        }
    }

    /**
     * The survey as remembered, without ever reading the database (for callers on an I/O
     * thread): an entry within its lifetime, or a stale one while another caller reads the row.
     * Empty means: ask {@link #get}, on a thread that may wait for the database.
     */
    Optional<SurveySnapshot> peek(String slug) {
        Entry entry = entries.get(slug);
        if (entry == null) {
            return Optional.empty();
        }
        long age = nanos.getAsLong() - entry.readAtNanos();
        boolean servable = age < LIFETIME.toNanos() || (age < STALE_LIMIT.toNanos() && entry.reading().get());
        return servable ? entry.survey() : Optional.empty();
    }

    /** Drops the slug now and again when the current transaction ends (a read in between saw the old row). */
    void forget(String slug) {
        AfterTransaction.nowAndAtTheEnd(transactions, () -> entries.remove(slug));
    }
}
