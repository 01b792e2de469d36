package org.viche.survey;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    private record Entry(Optional<SurveySnapshot> survey, long readAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    Optional<SurveySnapshot> get(String slug, Supplier<Optional<SurveySnapshot>> read) {
        long now = System.nanoTime();
        Entry entry = entries.get(slug);
        if (entry != null && now - entry.readAtNanos() < LIFETIME.toNanos()) {
            return entry.survey();
        }
        Optional<SurveySnapshot> survey = read.get();
        // Unknown slugs are not remembered: anyone may ask for any name.
        survey.ifPresent(s -> entries.put(slug, new Entry(survey, now)));
        return survey;
    }

    /** Drops the slug now and again when the current transaction ends (a read in between saw the old row). */
    void forget(String slug) {
        AfterTransaction.nowAndAtTheEnd(transactions, () -> entries.remove(slug));
    }
}
