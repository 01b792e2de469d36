package org.viche.receipt;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.viche.invitation.InvitationStore;
import org.viche.survey.SurveyClosed;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Seals accepted responses into Merkle trees, survey by survey, each seal chained to the
 * previous one. Runs on a schedule and when a survey closes. Each seal is one transaction
 * holding a PostgreSQL advisory lock, so however many instances run, one seals at a time
 * and every seal sees the chain head its predecessor committed. Submissions never wait:
 * they insert rows the sealer has not read yet, and the sealer only updates rows it read.
 */
@ApplicationScoped
public class Sealer {

    private static final Logger LOG = Logger.getLogger(Sealer.class);
    private static final int LOCKED = -1;

    @Inject
    DataSource dataSource;

    @Inject
    SealStore store;

    @Inject
    SurveyService surveys;

    @Inject
    InvitationStore invitations;

    @Inject
    SealConfig config;

    @Scheduled(identity = "sealer", every = "${viche.seal.interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int sealed = sealPending();
        if (sealed > 0) {
            LOG.debugf("Sealed %d responses", sealed);
        }
    }

    /** A closed survey gets its last responses sealed at once, not at the next run. */
    void onClose(@Observes(during = TransactionPhase.AFTER_SUCCESS) SurveyClosed closed) {
        try {
            seal(closed.surveyId());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Survey '%s' closed; its last responses will be sealed at the next run", closed.slug());
        }
    }

    /** Seals every unsealed response of every survey; returns how many were sealed. */
    public int sealPending() {
        List<Long> pending = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return store.surveysWithUnsealed(connection);
            }
        });
        int sealed = 0;
        for (long surveyId : pending) {
            sealed += seal(surveyId);
        }
        return sealed;
    }

    /** Seals the survey's unsealed responses in seals of at most {@code maxLeaves}; stops if another instance is sealing. */
    public int seal(long surveyId) {
        int sealed = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> sealBatch(surveyId));
            if (batch == LOCKED) {
                return sealed;
            }
            sealed += batch;
            if (batch < config.maxLeaves()) {
                return sealed;
            }
        }
    }

    private int sealBatch(long surveyId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!store.tryLock(connection)) {
                return LOCKED;
            }
            List<ResponseContent> responses = store.unsealed(connection, surveyId, config.maxLeaves());
            if (responses.isEmpty()) {
                return 0;
            }
            SurveySnapshot survey = surveys.findById(surveyId).orElseThrow();
            CanonicalForm canonical = new CanonicalForm(survey);
            List<byte[]> leaves = new ArrayList<>(responses.size());
            List<UUID> ids = new ArrayList<>(responses.size());
            for (ResponseContent response : responses) {
                leaves.add(canonical.leaf(response));
                ids.add(response.id());
            }
            Seal seal = new Seal(store.nextSealId(connection), survey.slug(), MerkleTree.root(leaves), leaves.size(),
                    Instant.now(), store.headHash(connection, surveyId));
            store.insert(connection, surveyId, seal, leaves, ids);
            invitations.settle(connection, surveyId);
            return responses.size();
        }
    }
}
