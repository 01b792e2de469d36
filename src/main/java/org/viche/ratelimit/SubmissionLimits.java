package org.viche.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.config.VicheConfig;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;

/**
 * The limits on submissions: per partner token, and per (hashed) client address and survey
 * for everyone else. A single submission is charged in the transaction that stores it (the
 * group commit's, {@link #charge}): one statement per group instead of a transaction per
 * request, and the counter rows are shared by every instance, so a limit holds exactly across
 * instances. A refused submission is charged on its own ({@link #chargeRefused}), a batch as a
 * whole before its items are looked at ({@link #chargeBatch}).
 */
@ApplicationScoped
public class SubmissionLimits {

    /** What one submission costs: one unit in {@code bucket}, refused past {@code limit} in the window. */
    public record RateCharge(String bucket, int limit) {
    }

    @Inject
    VicheConfig config;

    @Inject
    RateLimiter limiter;

    @Inject
    ClientHasher hasher;

    /** The address a request came from (behind a trusted proxy, the one it forwards), or null. */
    public static String addressOf(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    /** The keyed hash of a client address (never the address itself). */
    public String clientHash(String address) {
        return hasher.hash(address);
    }

    /**
     * {@link #clientHash} for code on an I/O thread: at once while today's key is in memory;
     * the day's first hash (its key read or created in the database) on a worker thread.
     */
    public Uni<String> clientHashWithoutBlocking(String address) {
        if (hasher.isReady()) {
            return Uni.createFrom().item(hasher.hash(address));
        }
        return Uni.createFrom().item(() -> hasher.hash(address)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The charge of an anonymous submission to a survey; empty when limits are off. */
    public Optional<RateCharge> publicCharge(long surveyId, String clientHash) {
        return charge("client:" + clientHash + ":" + surveyId, config.rateLimit().publicPerWindow());
    }

    /** The charge of a partner's submission; empty when limits are off. */
    public Optional<RateCharge> partnerCharge(UUID tokenId) {
        return charge("partner:" + tokenId, config.rateLimit().partnerPerWindow());
    }

    private Optional<RateCharge> charge(String bucket, int limit) {
        return config.rateLimit().enabled() ? Optional.of(new RateCharge(bucket, limit)) : Optional.empty();
    }

    /**
     * Charges each submission in the transaction of {@code connection}, in order; a refused one
     * still counts (a script that keeps sending stays refused).
     *
     * @param charges one per submission, null for one that is not charged
     * @return for each, in order: empty if admitted, else the seconds until the client may retry
     */
    public List<OptionalLong> charge(Connection connection, List<RateCharge> charges) throws SQLException {
        Map<String, Integer> costs = new HashMap<>();
        charges.stream().filter(c -> c != null).forEach(c -> costs.merge(c.bucket(), 1, Integer::sum));
        List<OptionalLong> verdicts = new ArrayList<>(charges.size());
        if (costs.isEmpty()) {
            charges.forEach(c -> verdicts.add(OptionalLong.empty()));
            return verdicts;
        }
        Map<String, RateLimiter.Window> windows = RateLimiter.addSliding(connection, costs, config.rateLimit().window(),
                Instant.now());
        // This group's additions are the last in each window: the k-th stood at total - cost + k.
        Map<String, Integer> seen = new HashMap<>();
        for (RateCharge c : charges) {
            if (c == null) {
                verdicts.add(OptionalLong.empty());
                continue;
            }
            RateLimiter.Window total = windows.get(c.bucket());
            long position = total.current() - costs.get(c.bucket()) + seen.merge(c.bucket(), 1, Integer::sum);
            verdicts.add(new RateLimiter.Window(position, total.previous(), total.elapsed(), total.length())
                    .retryAfterSeconds(c.limit()));
        }
        return verdicts;
    }

    /**
     * Charges one refused submission (invalid answers, a bad code) in a transaction of its own.
     *
     * @param charge its charge, or null when it is not charged
     * @return empty if still within the limit, else the seconds until the sender may retry
     */
    public OptionalLong chargeRefused(RateCharge charge) {
        return charge == null ? OptionalLong.empty()
                : limiter.acquire(charge.bucket(), 1, charge.limit(), config.rateLimit().window());
    }

    /**
     * Charges a partner's batch of {@code items} at once, in a transaction of its own.
     *
     * @return empty if admitted, else the seconds until the partner may retry
     */
    public OptionalLong chargeBatch(UUID tokenId, int items) {
        Optional<RateCharge> charge = partnerCharge(tokenId);
        return charge.isEmpty() ? OptionalLong.empty()
                : limiter.acquire(charge.get().bucket(), items, charge.get().limit(), config.rateLimit().window());
    }
}
