package org.viche.quarantine;

/** Why a response is held back. Stored by name: never rename a constant. */
public enum QuarantineReason {
    /** Too many responses to this survey from one client (keyed hash of its address) in a window. */
    CLIENT_BURST,
    /** The former rule (a fixed number of identical answer sets per window); kept for responses it held. */
    IDENTICAL_ANSWERS,
    /** One answer set within one region arriving far faster than its share so far predicts ({@link PopularityRule}). */
    ANSWER_SURGE
}
