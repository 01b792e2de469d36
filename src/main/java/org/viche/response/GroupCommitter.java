package org.viche.response;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Group commit: concurrent callers hand in their work, a few committer threads take
 * whatever has queued up and commit it together — one transaction and one WAL flush for
 * many submissions. A caller gets its result only after the commit that contains it
 * succeeded; if a commit fails, the group is retried one caller at a time so that only the
 * caller whose work fails gets the failure.
 *
 * <p>No waiting is added: a committer blocks on the queue and takes the first item at once;
 * batches form only while another commit is in flight, which is exactly when they help.
 *
 * <p>The answer to a caller is the truth. When a caller's wait ends, its work is withdrawn if
 * no committer has taken it yet (then it can never commit, and the caller may say so); once a
 * committer has taken it, the caller waits for the outcome, however long the commit takes —
 * answering "not stored" for work that still commits would make a retry count twice.
 *
 * @param <I> one unit of work (e.g. a response to store)
 * @param <O> its result
 */
public final class GroupCommitter<I, O> implements AutoCloseable {

    /**
     * Work of one caller: several items (a batch request) that succeed or fail together.
     * {@code state} moves once, from QUEUED to TAKEN (a committer has it) or to WITHDRAWN (its
     * caller gave up first); whoever moves it decides its fate.
     */
    private record Pending<I, O>(List<I> items, CompletableFuture<List<O>> result, AtomicInteger state,
            long deadlineNanos) {

        static final int QUEUED = 0;
        static final int TAKEN = 1;
        static final int WITHDRAWN = 2;

        boolean take() {
            return state.compareAndSet(QUEUED, TAKEN);
        }

        boolean withdraw() {
            return state.compareAndSet(QUEUED, WITHDRAWN);
        }
    }

    private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();

    /**
     * Items waiting for a committer. Callers no longer hold a thread each while they wait, so
     * nothing else bounds the queue: past {@link #MAX_QUEUED_ITEMS} (a database that stopped
     * answering) new work is refused at once, unqueued — "not stored" is then the truth.
     */
    private final AtomicInteger queuedItems = new AtomicInteger();

    static final int MAX_QUEUED_ITEMS = 10_000;
    private final Function<List<I>, List<O>> commit;
    private final int maxItemsPerCommit;
    private final List<Thread> committers = new ArrayList<>();
    private final Thread sweeper;
    private volatile boolean running = true;

    /** How often queued asynchronous work is checked for a deadline that has passed. */
    private static final long SWEEP_MILLIS = 50;

    /** The deadline of work whose caller waits and withdraws it itself. */
    private static final long NO_DEADLINE = Long.MIN_VALUE;

    /**
     * @param commit stores a list of items in ONE transaction and returns their results in
     *        order; it must throw if the transaction did not commit
     */
    public GroupCommitter(String name, int threads, int maxItemsPerCommit, Function<List<I>, List<O>> commit) {
        this.commit = commit;
        this.maxItemsPerCommit = maxItemsPerCommit;
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(this::run, name + "-" + i);
            thread.setDaemon(true);
            committers.add(thread);
            thread.start();
        }
        sweeper = new Thread(this::sweepExpired, name + "-deadlines");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    /**
     * Commits {@code items} (with others' work) and returns their results once committed.
     *
     * @throws TimeoutException only when the work was withdrawn unstarted: nothing of it is stored
     */
    public List<O> submit(List<I> items, long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        if (!running) {
            throw new IllegalStateException("Group committer is shut down");
        }
        Pending<I, O> pending = new Pending<>(List.copyOf(items), new CompletableFuture<>(), new AtomicInteger(Pending.QUEUED),
                NO_DEADLINE); // the caller keeps its own time
        queuedItems.addAndGet(items.size());
        queue.add(pending);
        try {
            try {
                return pending.result().get(timeout, unit);
            } catch (TimeoutException | InterruptedException e) {
                if (withdraw(pending)) {
                    throw e;
                }
                // A committer has it: its transaction decides, and the caller must hear the decision.
                return awaitOutcome(pending);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * As {@link #submit}, without a thread waiting: the future completes once the commit holding
     * the items succeeded (on the committer's thread), exceptionally with the commit's failure,
     * or with a {@link TimeoutException} when no committer took the work within the timeout (it
     * was withdrawn unstarted: nothing of it is stored). Work a committer has taken completes with
     * its transaction, however long that takes.
     */
    public CompletableFuture<List<O>> submitAsync(List<I> items, long timeout, TimeUnit unit) {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("Group committer is shut down"));
        }
        if (queuedItems.addAndGet(items.size()) > MAX_QUEUED_ITEMS) {
            queuedItems.addAndGet(-items.size());
            return CompletableFuture.failedFuture(new TimeoutException("Too much work is waiting for a committer"));
        }
        Pending<I, O> pending = new Pending<>(List.copyOf(items), new CompletableFuture<>(), new AtomicInteger(Pending.QUEUED),
                System.nanoTime() + unit.toNanos(timeout));
        queue.add(pending);
        if (!running && withdraw(pending)) { // shut down meanwhile: no committer will take it
            pending.result().completeExceptionally(new IllegalStateException("Group committer is shut down"));
        }
        return pending.result();
    }

    /** Takes queued work for a commit; false if its caller withdrew it first. */
    private boolean take(Pending<I, O> pending) {
        if (!pending.take()) {
            return false;
        }
        queuedItems.addAndGet(-pending.items().size());
        return true;
    }

    /** Withdraws work no committer has taken (it can then never commit); false if one has. */
    private boolean withdraw(Pending<I, O> pending) {
        if (!pending.withdraw()) {
            return false;
        }
        queue.remove(pending);
        queuedItems.addAndGet(-pending.items().size());
        return true;
    }

    /** Withdraws queued asynchronous work whose deadline has passed, as a waiting caller would. */
    private void sweepExpired() {
        while (running || !queue.isEmpty()) {
            long now = System.nanoTime();
            for (Pending<I, O> pending : queue) {
                if (pending.deadlineNanos() != NO_DEADLINE && now - pending.deadlineNanos() > 0 && withdraw(pending)) {
                    pending.result().completeExceptionally(new TimeoutException("No committer took the work in time"));
                }
            }
            try {
                Thread.sleep(SWEEP_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits for work a committer has taken, even through interrupts: the outcome is the answer. */
    private List<O> awaitOutcome(Pending<I, O> pending) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return pending.result().get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        List<Pending<I, O>> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending<I, O> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null || !take(first)) {
                    continue; // nothing queued, or its caller withdrew it
                }
                group.add(first);
                int items = first.items().size();
                Pending<I, O> next;
                while (items < maxItemsPerCommit && (next = queue.peek()) != null
                        && items + next.items().size() <= maxItemsPerCommit && queue.remove(next)) {
                    if (take(next)) {
                        group.add(next);
                        items += next.items().size();
                    }
                }
                try {
                    commitGroup(group);
                } catch (Throwable unexpected) { // an Error: its callers hear it, and this committer goes on
                    group.forEach(p -> p.result().completeExceptionally(unexpected));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void commitGroup(List<Pending<I, O>> group) {
        List<I> all = new ArrayList<>();
        group.forEach(p -> all.addAll(p.items()));
        List<O> results;
        try {
            results = commit.apply(all);
        } catch (RuntimeException groupFailure) {
            if (group.size() == 1) {
                group.get(0).result().completeExceptionally(groupFailure);
                return;
            }
            // Someone's work broke the shared transaction: commit each caller alone.
            for (Pending<I, O> pending : group) {
                try {
                    pending.result().complete(commit.apply(pending.items()));
                } catch (RuntimeException failure) {
                    pending.result().completeExceptionally(failure);
                }
            }
            return;
        }
        int offset = 0;
        for (Pending<I, O> pending : group) {
            int size = pending.items().size();
            pending.result().complete(List.copyOf(results.subList(offset, offset + size)));
            offset += size;
        }
    }

    /** How many callers are waiting for a committer (for tests and metrics). */
    int queued() {
        return queue.size();
    }

    /** Stops taking work after the queue is drained; waits for the committers to finish. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : committers) {
            thread.join(10_000);
        }
        sweeper.interrupt();
        for (Pending<I, O> left : queue) { // added as the committers stopped: none will take it
            if (withdraw(left)) {
                left.result().completeExceptionally(new IllegalStateException("Group committer is shut down"));
            }
        }
    }
}
