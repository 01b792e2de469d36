package org.viche.response;

/**
 * A client's retry key, scoped to who sent it (a partner token, or all anonymous clients),
 * so that one partner cannot collide with — or probe — another's keys.
 */
public record IdempotencyKey(String scope, String key) {

    public static final int MAX_LENGTH = 200;

    /** Printable ASCII only: keys end up in a text column and in logs. */
    public static boolean isWellFormed(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }
}
