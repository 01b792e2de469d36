package org.viche.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class GroupCommitterTest {

    /** A fake store: "commits" by recording each group; fails a group containing a negative item. */
    static final class RecordingStore {
        final List<List<Integer>> commits = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstCommitEntered = new CountDownLatch(1);
        final CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        List<String> commit(List<Integer> items) {
            if (calls.incrementAndGet() == 1) {
                firstCommitEntered.countDown();
                await(releaseFirstCommit);
            }
            if (items.stream().anyMatch(i -> i < 0)) {
                throw new IllegalStateException("commit failed");
            }
            commits.add(List.copyOf(items));
            return items.stream().map(i -> "ok-" + i).toList();
        }

        static void await(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Synchronises on the queue itself (no sleeping on a guess). */
    static void awaitQueued(GroupCommitter<?, ?> committer, int callers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (committer.queued() < callers && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        assertEquals(callers, committer.queued(), "callers queued behind the running commit");
    }

    @Test
    void callersQueuedDuringACommitShareTheNextOne() throws Exception {
        RecordingStore store = new RecordingStore();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try (GroupCommitter<Integer, String> committer = new GroupCommitter<>("test", 1, 1000, store::commit)) {
            Future<List<String>> first = callers.submit(() -> committer.submit(List.of(0), 10, TimeUnit.SECONDS));
            store.firstCommitEntered.await(10, TimeUnit.SECONDS);
            List<Future<List<String>>> others = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int item = i;
                others.add(callers.submit(() -> committer.submit(List.of(item), 10, TimeUnit.SECONDS)));
            }
            awaitQueued(committer, 5); // all five wait behind the first commit
            store.releaseFirstCommit.countDown();
            assertEquals(List.of("ok-0"), first.get());
            for (int i = 1; i <= 5; i++) {
                assertEquals(List.of("ok-" + i), others.get(i - 1).get(), "each caller gets its own result");
            }
            assertEquals(2, store.commits.size(), "five queued callers were committed together");
            assertEquals(5, store.commits.get(1).size());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedCommitGivesItsCallerNoResult() throws Exception {
        RecordingStore store = new RecordingStore();
        store.releaseFirstCommit.countDown();
        try (GroupCommitter<Integer, String> committer = new GroupCommitter<>("test", 1, 1000, store::commit)) {
            assertThrows(IllegalStateException.class, () -> committer.submit(List.of(-1), 10, TimeUnit.SECONDS));
            assertTrue(store.commits.isEmpty());
        }
    }

    @Test
    void oneCallersFailureDoesNotFailTheOthersInItsGroup() throws Exception {
        RecordingStore store = new RecordingStore();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (GroupCommitter<Integer, String> committer = new GroupCommitter<>("test", 1, 1000, store::commit)) {
            Future<List<String>> first = callers.submit(() -> committer.submit(List.of(0), 10, TimeUnit.SECONDS));
            store.firstCommitEntered.await(10, TimeUnit.SECONDS);
            Future<List<String>> good = callers.submit(() -> committer.submit(List.of(1, 2), 10, TimeUnit.SECONDS));
            Future<List<String>> bad = callers.submit(() -> committer.submit(List.of(-3), 10, TimeUnit.SECONDS));
            awaitQueued(committer, 2);
            store.releaseFirstCommit.countDown();
            assertEquals(List.of("ok-0"), first.get());
            assertEquals(List.of("ok-1", "ok-2"), good.get());
            Exception failure = assertThrows(Exception.class, bad::get);
            assertTrue(failure.getCause() instanceof IllegalStateException);
            assertTrue(store.commits.contains(List.of(1, 2)), "the good caller was committed alone after the group failed");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void largeGroupsAreCutAtTheItemLimit() throws Exception {
        RecordingStore store = new RecordingStore();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try (GroupCommitter<Integer, String> committer = new GroupCommitter<>("test", 1, 3, store::commit)) {
            Future<List<String>> first = callers.submit(() -> committer.submit(List.of(0), 10, TimeUnit.SECONDS));
            store.firstCommitEntered.await(10, TimeUnit.SECONDS);
            List<Future<List<String>>> rest = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                int item = i;
                rest.add(callers.submit(() -> committer.submit(List.of(item, item), 10, TimeUnit.SECONDS)));
            }
            awaitQueued(committer, 4);
            store.releaseFirstCommit.countDown();
            first.get();
            for (Future<List<String>> f : rest) {
                assertEquals(2, f.get().size());
            }
            assertTrue(store.commits.stream().allMatch(c -> c.size() <= 3), store.commits::toString);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void asynchronousWorkNoCommitterTookInTimeIsWithdrawnAndWorkTakenCompletesWithItsCommit() throws Exception {
        RecordingStore store = new RecordingStore();
        try (GroupCommitter<Integer, String> committer = new GroupCommitter<>("test", 1, 1000, store::commit)) {
            // taken at once, then held in its commit far past its own deadline
            CompletableFuture<List<String>> taken = committer.submitAsync(List.of(1), 50, TimeUnit.MILLISECONDS);
            assertTrue(store.firstCommitEntered.await(10, TimeUnit.SECONDS));
            // queued behind it, never taken before its deadline
            CompletableFuture<List<String>> queued = committer.submitAsync(List.of(2), 50, TimeUnit.MILLISECONDS);

            ExecutionException withdrawn = assertThrows(ExecutionException.class,
                    () -> queued.get(10, TimeUnit.SECONDS));
            assertTrue(withdrawn.getCause() instanceof TimeoutException);
            assertEquals(0, committer.queued(), "withdrawn work leaves the queue");
            assertTrue(!taken.isDone(), "work a committer holds is not answered before its commit ends");

            store.releaseFirstCommit.countDown();
            assertEquals(List.of("ok-1"), taken.get(10, TimeUnit.SECONDS));
            assertEquals(List.of(List.of(1)), store.commits, "the withdrawn item was never committed");
        }
    }

    @Test
    void pastItsBoundTheQueueRefusesNewWorkAtOnceUnqueued() throws Exception {
        RecordingStore store = new RecordingStore();
        try (GroupCommitter<Integer, String> committer = new GroupCommitter<>("test", 1, 1000, store::commit)) {
            CompletableFuture<List<String>> held = committer.submitAsync(List.of(0), 10, TimeUnit.SECONDS);
            assertTrue(store.firstCommitEntered.await(10, TimeUnit.SECONDS));
            List<Integer> thousand = IntStream.range(1, 1001).boxed().toList();
            List<CompletableFuture<List<String>>> waiting = new ArrayList<>();
            for (int i = 0; i < GroupCommitter.MAX_QUEUED_ITEMS / 1000; i++) {
                waiting.add(committer.submitAsync(thousand, 10, TimeUnit.SECONDS));
            }
            CompletableFuture<List<String>> refused = committer.submitAsync(List.of(-1), 10, TimeUnit.SECONDS);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> refused.get(1, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof TimeoutException, "refused unqueued, as 'not stored'");

            store.releaseFirstCommit.countDown();
            assertEquals(List.of("ok-0"), held.get(10, TimeUnit.SECONDS));
            for (var w : waiting) {
                assertEquals(1000, w.get(10, TimeUnit.SECONDS).size(), "the queued work is all committed");
            }
            // room again once the queue drained
            assertEquals(List.of("ok-7"), committer.submitAsync(List.of(7), 10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS));
        }
    }
}
