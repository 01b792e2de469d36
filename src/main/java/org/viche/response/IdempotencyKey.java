package org.viche.response;

/**
 * A client's retry key, scoped to who sent it (a partner token, or all anonymous clients of a
 * survey), so that one partner cannot collide with — or probe — another's keys. Anonymous
 * clients share one scope on purpose: a scope per client would have to be derived from their
 * address and would tie one address's responses together in the database.
 */
public record IdempotencyKey(String scope, String key) {

    /** The scope of every anonymous API client's keys (the survey is part of every key's identity). */
    public static final String ANONYMOUS_SCOPE = "anonymous";

    /** The scope of the web form's one-time keys (one drawn per form shown). */
    public static final String FORM_SCOPE = "web-form";

    public static final int MAX_LENGTH = 200;

    /** Printable ASCII only: keys end up in a text column and in logs. */
    public static boolean isWellFormed(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }
}
