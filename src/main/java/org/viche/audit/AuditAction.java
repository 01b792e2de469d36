package org.viche.audit;

/** The admin actions worth answering for later. Stored by name: never rename a constant. */
public enum AuditAction {
    SURVEY_CREATED,
    SURVEY_REPLACED,
    SURVEY_OPENED,
    SURVEY_CLOSED,
    TOKEN_ISSUED,
    TOKEN_REVOKED,
    INVITATIONS_GENERATED,
    QUARANTINE_RELEASED,
    QUARANTINE_REJECTED
}
