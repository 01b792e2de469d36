package org.viche.response;

import java.util.Set;
import java.util.UUID;

/**
 * Who sends a response, as the submission rules see it: what it may submit to, what it is
 * charged against, whether it can be held for review, and where its retry keys live.
 */
public sealed interface Submitter {

    /**
     * An anonymous client (API or web form), known only by the keyed, daily-rotated hash of its
     * address: charged per survey, reviewed for bursts and surges, never stored with the response.
     */
    record Anonymous(String clientHash) implements Submitter {
    }

    /** A partner site's token: submits to the surveys it names, charged per token, never held. */
    record Partner(UUID tokenId, Set<String> surveys) implements Submitter {
    }

    /** An admin token: submits anywhere, uncharged and never held (admins are accountable). */
    record Admin(UUID tokenId) implements Submitter {
    }

    /** A researcher's token: reads results, never submits. */
    record Researcher() implements Submitter {
    }

    /**
     * The scope of this submitter's retry keys: one per token; all anonymous API clients of a
     * survey share one (a scope per client would tie one address's responses together), and the
     * web form's one-time keys have their own.
     */
    default String keyScope(Channel channel) {
        if (this instanceof Partner p) {
            return p.tokenId().toString();
        }
        if (this instanceof Admin a) {
            return a.tokenId().toString();
        }
        return channel == Channel.WEB ? IdempotencyKey.FORM_SCOPE : IdempotencyKey.ANONYMOUS_SCOPE;
    }
}
