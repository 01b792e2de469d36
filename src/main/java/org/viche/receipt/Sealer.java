package org.viche.receipt;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.viche.invitation.InvitationStore;
import org.viche.results.TallyRollup;
import org.viche.survey.SurveyClosed;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Seals accepted responses into Merkle trees, survey by survey, each seal chained to the
 * previous one, leaves in the order of their hashes, at least the survey's minimum cell size
 * of responses in each seal while it is open (docs/privacy.md). Runs on a schedule and when a survey closes. Each seal is one transaction
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

    @Inject
    TallyRollup rollup;

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
        rollup.fold();
        int sealed = 0;
        for (long surveyId : pending) {
            sealed += sealFolded(surveyId);
        }
        return sealed;
    }

    /** Seals the survey's unsealed responses in seals of at most {@code maxLeaves}; stops if another instance is sealing. */
    public int seal(long surveyId) {
        // only responses the roll-up has counted are sealed (sealing erases their order of arrival)
        rollup.fold();
        return sealFolded(surveyId);
    }

    /** As {@link #seal}, with the roll-up folded just before by the caller. */
    private int sealFolded(long surveyId) {
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
            SurveySnapshot survey = surveys.findById(surveyId).orElseThrow();
            if (responses.isEmpty() || responses.size() < smallestSeal(survey)) {
                return 0;
            }
            CanonicalForm canonical = new CanonicalForm(survey);
            List<Leaf> sorted = new ArrayList<>(responses.size());
            for (ResponseContent response : responses) {
                sorted.add(new Leaf(canonical.leaf(response), response.id()));
            }
            // Leaves stand in the order of their hashes, not of arrival: a seal says which
            // responses were received together, never in what order.
            sorted.sort((a, b) -> Arrays.compareUnsigned(a.hash(), b.hash()));
            List<byte[]> leaves = sorted.stream().map(Leaf::hash).toList();
            List<UUID> ids = sorted.stream().map(Leaf::exportId).toList();
            Seal seal = new Seal(store.nextSealId(connection), survey.slug(), MerkleTree.root(leaves), leaves.size(),
                    Instant.now(), store.headHash(connection, surveyId));
            store.insert(connection, surveyId, seal, leaves, ids);
            invitations.shuffle(connection, surveyId);
            return responses.size();
        }
    }

    private record Leaf(byte[] hash, UUID exportId) {
    }

    /**
     * An open survey's seal waits for at least as many responses as its smallest published cell
     * (and never more than a seal can hold), so that no seal's time places a lone respondent
     * within a minute; a closed survey's last responses are sealed however few they are.
     */
    private int smallestSeal(SurveySnapshot survey) {
        return survey.isOpen() ? Math.min(survey.definition().minCellSize(), config.maxLeaves()) : 1;
    }
}
