package org.viche.survey;

/** DRAFT (editable, not public) → OPEN (accepting responses, structure frozen) → CLOSED. */
public enum SurveyStatus {
    DRAFT, OPEN, CLOSED
}
