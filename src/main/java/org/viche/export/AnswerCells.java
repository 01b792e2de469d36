package org.viche.export;

import java.util.List;

import org.viche.survey.QuestionType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one response's stored answers into its question cells, as the codebook lays them out.
 * Answers were validated and normalised when stored, so every value here is well-formed.
 * Values are copied verbatim: nothing is escaped or prefixed (CSV quoting is the printer's job).
 */
final class AnswerCells {

    static final String EMPTY = "";

    private AnswerCells() {
    }

    static void append(List<Variable> questionColumns, JsonNode answers, List<String> cells) {
        for (Variable column : questionColumns) {
            cells.add(cell(column, answers.get(column.question())));
        }
    }

    static String cell(Variable column, JsonNode answer) {
        if (answer == null || answer.isNull()) {
            return EMPTY;
        }
        return switch (QuestionType.valueOf(column.questionType())) {
            case SINGLE_CHOICE, SCALE, TEXT -> answer.asText();
            case MULTIPLE_CHOICE -> indexOf(answer, column.option()) >= 0 ? "1" : "0";
            case RANKING -> {
                int index = indexOf(answer, column.option());
                yield index < 0 ? EMPTY : Integer.toString(index + 1);
            }
        };
    }

    private static int indexOf(JsonNode list, String option) {
        for (int i = 0; i < list.size(); i++) {
            if (option.equals(list.get(i).asText())) {
                return i;
            }
        }
        return -1;
    }
}
