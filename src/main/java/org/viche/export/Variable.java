package org.viche.export;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One column of the microdata, as the codebook describes it. The same list drives the CSV
 * header, each row's cells and the data package's schema, so the three cannot disagree.
 *
 * @param name column name: a fixed column, the question key, or {@code <question>_<option>}
 * @param type Frictionless Data type: {@code string}, {@code integer}, {@code number} or {@code date}
 * @param label what the column holds, per language (the question text for question columns)
 * @param description how the column is encoded, in English
 * @param question the question key, absent for the fixed columns
 * @param questionType the question's type, absent for the fixed columns
 * @param option for a column per option (multiple choice, ranking): the option key
 * @param optionLabel that option's text, per language
 * @param values the codes the column may hold, with their labels (empty cell = no answer)
 * @param minimum smallest value of an integer column
 * @param maximum largest value of an integer column
 * @param textExportOnly true for free-text columns: exported only with {@code ?text=true}, to admins
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Variable(String name, String type, Map<String, String> label, String description, String question,
        String questionType, String option, Map<String, String> optionLabel, List<Value> values, Integer minimum,
        Integer maximum, Boolean textExportOnly) {

    /** A code a column may hold and what it means, per language. */
    public record Value(String code, Map<String, String> label) {
    }

    @JsonIgnore
    public boolean isText() {
        return Boolean.TRUE.equals(textExportOnly);
    }
}
