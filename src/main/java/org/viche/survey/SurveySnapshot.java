package org.viche.survey;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A survey as the rest of the service sees it: detached from the persistence session,
 * definition parsed, and the target regions resolved (an omitted list means the whole scheme).
 */
public record SurveySnapshot(long id, String slug, SurveyStatus status, boolean demo, SurveyDefinition definition,
        List<String> regionCodes, OffsetDateTime createdAt, OffsetDateTime openedAt, OffsetDateTime closedAt) {

    public boolean isOpen() {
        return status == SurveyStatus.OPEN;
    }

    /** The language to fall back on when the reader's is not offered. */
    public String firstLanguage() {
        return definition.effectiveLanguages().isEmpty() ? "en" : definition.effectiveLanguages().get(0);
    }

    public boolean offersLanguage(String language) {
        return definition.effectiveLanguages().contains(language);
    }
}
