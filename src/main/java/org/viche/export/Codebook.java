package org.viche.export;

import java.util.List;
import java.util.Map;

import org.viche.survey.SurveyDefinition.ShowIf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The codebook of a survey's microdata ({@code responses.csv}): every column in file order,
 * and each question with the columns it is spread over. Shaped for a page to render as two
 * tables (questions, variables) in any of the survey's languages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Codebook(String survey, Map<String, String> title, List<String> languages, String file,
        List<String> notes, List<QuestionColumns> questions, List<Variable> variables) {

    /** A question, how its answers are encoded, and the names of its columns. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionColumns(String key, String type, Map<String, String> text, boolean required, ShowIf showIf,
            String encoding, List<String> columns) {
    }
}
