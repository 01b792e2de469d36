package org.viche.survey;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The API's view of a survey: its definition's fields plus lifecycle state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyView(String status, boolean demo, OffsetDateTime createdAt, OffsetDateTime openedAt,
        OffsetDateTime closedAt, @JsonUnwrapped SurveyDefinition definition) {

    public static SurveyView of(SurveySnapshot s) {
        return new SurveyView(s.status().name(), s.demo(), s.createdAt(), s.openedAt(), s.closedAt(), s.definition());
    }
}
