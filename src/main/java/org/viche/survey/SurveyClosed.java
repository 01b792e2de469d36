package org.viche.survey;

/** Fired inside the transaction that closes a survey; observers usually wait for its commit. */
public record SurveyClosed(long surveyId, String slug) {
}
