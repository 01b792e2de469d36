package org.viche.ratelimit;

import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.config.VicheConfig;
import org.viche.error.ApiException;

/**
 * The limits on submissions: per partner token, and per (hashed) client address and survey
 * for everyone else. A refusal is a 429 problem with {@code Retry-After}.
 */
@ApplicationScoped
public class SubmissionLimits {

    @Inject
    VicheConfig config;

    @Inject
    RateLimiter limiter;

    @Inject
    ClientHasher hasher;

    /** The keyed hash of a client address (never the address itself). */
    public String clientHash(String address) {
        return hasher.hash(address);
    }

    public void checkPublic(long surveyId, String clientHash, int cost) {
        check("client:" + clientHash + ":" + surveyId, cost, config.rateLimit().publicPerWindow());
    }

    public void checkPartner(UUID tokenId, int cost) {
        check("partner:" + tokenId, cost, config.rateLimit().partnerPerWindow());
    }

    private void check(String bucket, int cost, int limit) {
        if (!config.rateLimit().enabled()) {
            return;
        }
        OptionalLong retryAfter = limiter.acquire(bucket, cost, limit, config.rateLimit().window());
        if (retryAfter.isPresent()) {
            throw new ApiException(429, "Too many requests",
                    "Too many submissions from this client; retry after " + retryAfter.getAsLong() + " seconds.",
                    java.util.List.of(), (int) retryAfter.getAsLong());
        }
    }
}
