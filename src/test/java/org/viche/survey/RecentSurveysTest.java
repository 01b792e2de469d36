package org.viche.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A crowd arriving as an entry expires reads the survey's row once, not once per caller. */
class RecentSurveysTest {

    private final AtomicLong clock = new AtomicLong();
    private final RecentSurveys recent = new RecentSurveys();

    RecentSurveysTest() {
        recent.nanos = clock::get;
    }

    private static Optional<SurveySnapshot> survey(long id) {
        return Optional.of(new SurveySnapshot(id, "s", SurveyStatus.OPEN, false, null, List.of(), null, null, null));
    }

    @Test
    void withinItsLifetimeAnEntryIsServedWithoutReading() {
        AtomicInteger reads = new AtomicInteger();
        recent.get("s", () -> { reads.incrementAndGet(); return survey(1); });
        clock.addAndGet(RecentSurveys.LIFETIME.toNanos() - 1);
        assertEquals(1, recent.get("s", () -> { reads.incrementAndGet(); return survey(2); }).orElseThrow().id());
        assertEquals(1, reads.get());

        clock.addAndGet(1); // expired, nobody else reading: this caller reads
        assertEquals(2, recent.get("s", () -> { reads.incrementAndGet(); return survey(2); }).orElseThrow().id());
        assertEquals(2, reads.get());
    }

    @Test
    void whileOneCallerReadsAnExpiredEntryTheOthersGetTheLastOneRead() throws Exception {
        recent.get("s", () -> survey(1));
        clock.addAndGet(RecentSurveys.LIFETIME.toNanos());
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<SurveySnapshot>> reader = readingUntil(release, 2);

        AtomicInteger otherReads = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            assertEquals(1, recent.get("s", () -> { otherReads.incrementAndGet(); return survey(3); }).orElseThrow().id());
        }
        assertEquals(0, otherReads.get(), "the crowd waits for no read of its own");

        release.countDown();
        assertEquals(2, reader.get(10, TimeUnit.SECONDS).orElseThrow().id());
        assertEquals(2, recent.get("s", () -> survey(4)).orElseThrow().id());
    }

    @Test
    void pastTheStaleLimitEveryCallerReadsEvenWhileAnotherIsReading() throws Exception {
        recent.get("s", () -> survey(1));
        clock.addAndGet(RecentSurveys.LIFETIME.toNanos());
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<SurveySnapshot>> stuck = readingUntil(release, 2);
        clock.addAndGet(RecentSurveys.STALE_LIMIT.toNanos());
        Optional<SurveySnapshot> read = survey(3);
        assertSame(read, recent.get("s", () -> read));
        release.countDown();
        stuck.get(10, TimeUnit.SECONDS);
    }

    /** A caller that found the entry expired and is reading the row until {@code release}; returns once it reads. */
    private CompletableFuture<Optional<SurveySnapshot>> readingUntil(CountDownLatch release, long readId) throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CompletableFuture<Optional<SurveySnapshot>> reader = CompletableFuture.supplyAsync(() -> recent.get("s", () -> {
            reading.countDown();
            await(release);
            return survey(readId);
        }));
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        return reader;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
