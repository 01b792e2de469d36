package org.viche.response;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The submission fast path: every accepted response — single, batch or form — is stored
 * through here, so that submissions arriving together share one transaction and one WAL
 * flush (group commit). A caller is answered only once the commit holding its responses has
 * succeeded; if it failed, the caller hears {@link NotStoredException} and nothing it sent is stored.
 */
@ApplicationScoped
public class ResponseCommitter {

    private static final Logger LOG = Logger.getLogger(ResponseCommitter.class);

    @ConfigMapping(prefix = "viche.ingest")
    public interface IngestConfig {
        /** Threads committing in parallel: one collects the next group while another waits for its flush. */
        @WithDefault("2")
        int committers();

        /** Most responses in one transaction. */
        @WithDefault("2000")
        int maxGroupItems();

        /** How long a caller's work may wait for a committer before it is withdrawn with a 503 (nothing stored). */
        @WithDefault("30")
        int timeoutSeconds();
    }

    /** Nothing of the caller's work was stored (withdrawn before a transaction took it, or the transaction failed). */
    public static final class NotStoredException extends RuntimeException {
        NotStoredException(Throwable cause) {
            super("The responses were not stored", cause, false, false);
        }
    }

    @Inject
    ResponseStore store;

    @Inject
    IngestConfig config;

    private GroupCommitter<ResponseStore.NewResponse, ResponseStore.StoreOutcome> committer;

    @PostConstruct
    void start() {
        committer = new GroupCommitter<>("viche-commit", config.committers(), config.maxGroupItems(), this::commit);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        committer.close();
    }

    /** Stores the responses (with whatever else is arriving) and returns their outcomes once committed. */
    public List<ResponseStore.StoreOutcome> store(List<ResponseStore.NewResponse> responses) {
        return store(responses, Duration.ofSeconds(config.timeoutSeconds()));
    }

    /**
     * As {@link #store(List)}, waiting at most {@code wait} for a committer to take the work.
     * "Not stored" here is the truth: the work was withdrawn before any transaction held it, or its
     * transaction failed. Work a committer has taken is waited for to its end, so it is never
     * answered "not stored" and committed.
     */
    List<ResponseStore.StoreOutcome> store(List<ResponseStore.NewResponse> responses, Duration wait) {
        try {
            return committer.submit(responses, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotStoredException(e);
        } catch (TimeoutException e) {
            throw new NotStoredException(e);
        } catch (RuntimeException e) {
            LOG.error("Responses could not be stored", e);
            throw new NotStoredException(e);
        }
    }

    /**
     * As {@link #store(List)}, with no thread waiting for the commit: the future completes on the
     * committer's thread once the commit succeeded, or exceptionally with {@link NotStoredException}
     * (withdrawn before a transaction held it, or its transaction failed) — never "not stored" for
     * work that commits.
     */
    public CompletableFuture<List<ResponseStore.StoreOutcome>> storeAsync(List<ResponseStore.NewResponse> responses) {
        return committer.submitAsync(responses, config.timeoutSeconds(), TimeUnit.SECONDS)
                .exceptionallyCompose(failure -> {
                    Throwable cause = unwrapped(failure);
                    if (cause instanceof Error) {
                        return CompletableFuture.failedFuture(cause); // no telling what committed: not "not stored"
                    }
                    if (!(cause instanceof TimeoutException)) {
                        LOG.error("Responses could not be stored", cause);
                    }
                    return CompletableFuture.failedFuture(new NotStoredException(cause));
                });
    }

    /** What failed, without the {@link CompletionException} a dependent future wraps it in. */
    static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** One group, one transaction: runs on a committer thread. */
    private List<ResponseStore.StoreOutcome> commit(List<ResponseStore.NewResponse> group) {
        return QuarkusTransaction.requiringNew().call(() -> store.insertAll(group));
    }
}
