package org.viche.quarantine;

/** Why a response is held back. Stored by name: never rename a constant. */
public enum QuarantineReason {
    /** Too many responses to this survey from one client (keyed hash of its address) in a window. */
    CLIENT_BURST,
    /** Too many responses to this survey with exactly the same answers in a window. */
    IDENTICAL_ANSWERS
}
