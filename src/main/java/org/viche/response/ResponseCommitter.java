package org.viche.response;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.viche.error.ApiException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The submission fast path: every accepted response — single, batch or form — is stored
 * through here, so that submissions arriving together share one transaction and one WAL
 * flush (group commit). A caller is answered only once the commit holding its responses has
 * succeeded; if it failed, the caller gets a 503 and nothing it sent is stored.
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

        /** How long a caller waits for its commit before giving up with a 503. */
        @WithDefault("30")
        int timeoutSeconds();
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
        try {
            return committer.submit(responses, config.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notStored();
        } catch (TimeoutException e) {
            // The commit may still happen: the client's retry with its idempotency key will tell.
            throw notStored();
        } catch (RuntimeException e) {
            LOG.error("Responses could not be stored", e);
            throw notStored();
        }
    }

    /** One group, one transaction: runs on a committer thread. */
    private List<ResponseStore.StoreOutcome> commit(List<ResponseStore.NewResponse> group) {
        return QuarkusTransaction.requiringNew().call(() -> store.insertAll(group));
    }

    private static ApiException notStored() {
        return new ApiException(503, "Not stored", "The response could not be stored; please retry "
                + "(with the same Idempotency-Key, a retry can never store it twice).", List.of(), 1);
    }
}
