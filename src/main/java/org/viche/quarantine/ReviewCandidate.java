package org.viche.quarantine;

/**
 * One anonymous response to judge, made ready on the request's thread so that the group
 * commit only counts and decides.
 *
 * @param clientHash the keyed hash of the sender's address; null for an accountable token (never held)
 * @param pattern a name for its answer set within its region (a hash: never the answers themselves)
 * @param prior the share the pattern may plausibly have before the survey has any history
 */
public record ReviewCandidate(String clientHash, String pattern, double prior) {
}
