package org.viche.response;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.viche.error.FieldError;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.SurveyDefinition.ShowIf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one place that knows what a valid answer is, for every question type and for
 * {@code showIf}. The JSON API and the HTML form both call it, so a rule cannot differ
 * between channels. Plain Java with no framework, so it is unit-tested directly.
 *
 * <p>A JSON {@code null}, an empty list or a blank text counts as "not answered".
 */
public final class AnswerValidator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public AnswerCheck check(SurveyDefinition survey, JsonNode answers) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode normalised = NODES.objectNode();
        if (answers != null && !answers.isNull() && !answers.isObject()) {
            errors.add(new FieldError("answers", "notAnObject", "must be an object of question key → answer"));
            return new AnswerCheck(normalised, errors);
        }
        JsonNode given = answers == null || answers.isNull() ? NODES.objectNode() : answers;
        rejectUnknownQuestions(survey, given, errors);
        for (Question question : survey.questionList()) {
            JsonNode answer = given.get(question.key());
            boolean answered = isAnswered(answer);
            String field = "answers." + question.key();
            if (!isVisible(survey, question, normalised)) {
                if (answered) {
                    errors.add(new FieldError(field, "hiddenQuestion",
                            "must not be answered: it applies only when '" + question.showIf().question()
                                    + "' is answered with " + String.join(" or ", question.showIf().anyOf())));
                }
                continue;
            }
            if (!answered) {
                if (question.isRequired()) {
                    errors.add(new FieldError(field, "required", "is required"));
                }
                continue;
            }
            JsonNode value = checkValue(question, answer, field, errors);
            if (value != null) {
                normalised.set(question.key(), value);
            }
        }
        return new AnswerCheck(normalised, errors);
    }

    private static void rejectUnknownQuestions(SurveyDefinition survey, JsonNode given, List<FieldError> errors) {
        Iterator<String> keys = given.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (survey.question(key).isEmpty()) {
                errors.add(new FieldError("answers." + key, "unknownQuestion", "is not a question of this survey"));
            }
        }
    }

    /** Visible when it has no condition, or its (earlier, visible) controlling question was answered with a listed option. */
    static boolean isVisible(SurveyDefinition survey, Question question, ObjectNode acceptedSoFar) {
        ShowIf showIf = question.showIf();
        if (showIf == null) {
            return true;
        }
        JsonNode controlling = acceptedSoFar.get(showIf.question());
        if (controlling == null) {
            return false;
        }
        if (controlling.isTextual()) {
            return showIf.anyOf().contains(controlling.asText());
        }
        for (JsonNode chosen : controlling) {
            if (showIf.anyOf().contains(chosen.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAnswered(JsonNode answer) {
        if (answer == null || answer.isNull()) {
            return false;
        }
        if (answer.isArray()) {
            return !answer.isEmpty();
        }
        return !answer.isTextual() || !answer.asText().isBlank();
    }

    private static JsonNode checkValue(Question q, JsonNode answer, String field, List<FieldError> errors) {
        return switch (q.questionType()) {
            case SINGLE_CHOICE -> checkSingle(q, answer, field, errors);
            case MULTIPLE_CHOICE -> checkOptionList(q, answer, field, q.effectiveMaxChoices(), errors);
            case RANKING -> checkOptionList(q, answer, field, q.optionList().size(), errors);
            case SCALE -> checkScale(q, answer, field, errors);
            case TEXT -> checkText(q, answer, field, errors);
        };
    }

    private static JsonNode checkSingle(Question q, JsonNode answer, String field, List<FieldError> errors) {
        if (!answer.isTextual()) {
            errors.add(new FieldError(field, "notAnOption", "must be one option key (a string)"));
            return null;
        }
        if (q.option(answer.asText()).isEmpty()) {
            errors.add(new FieldError(field, "notAnOption", "'" + answer.asText() + "' is not an option of this question"));
            return null;
        }
        return NODES.textNode(answer.asText());
    }

    /** Multiple choice and ranking: a list of distinct option keys, at most {@code max} long. */
    private static JsonNode checkOptionList(Question q, JsonNode answer, String field, int max, List<FieldError> errors) {
        if (!answer.isArray()) {
            errors.add(new FieldError(field, "notAList", "must be a list of option keys"));
            return null;
        }
        ArrayNode keys = NODES.arrayNode();
        Set<String> seen = new HashSet<>();
        int errorsBefore = errors.size();
        for (JsonNode element : answer) {
            if (!element.isTextual() || q.option(element.asText()).isEmpty()) {
                errors.add(new FieldError(field, "notAnOption", "'" + element.asText() + "' is not an option of this question"));
            } else if (!seen.add(element.asText())) {
                errors.add(new FieldError(field, "duplicateOption", "lists '" + element.asText() + "' more than once"));
            } else {
                keys.add(element.asText());
            }
        }
        if (keys.size() > max) {
            errors.add(new FieldError(field, "tooManyChoices", "at most " + max + " options may be chosen"));
        }
        return errors.size() == errorsBefore ? keys : null;
    }

    private static JsonNode checkScale(Question q, JsonNode answer, String field, List<FieldError> errors) {
        if (!answer.isIntegralNumber() || !answer.canConvertToInt()) {
            errors.add(new FieldError(field, "notAnInteger", "must be a whole number from " + q.min() + " to " + q.max()));
            return null;
        }
        int value = answer.intValue();
        if (value < q.min() || value > q.max()) {
            errors.add(new FieldError(field, "outOfScale", "must be from " + q.min() + " to " + q.max()));
            return null;
        }
        return NODES.numberNode(value);
    }

    private static JsonNode checkText(Question q, JsonNode answer, String field, List<FieldError> errors) {
        if (!answer.isTextual()) {
            errors.add(new FieldError(field, "notText", "must be text"));
            return null;
        }
        String text = answer.asText().strip();
        if (text.indexOf('\u0000') >= 0) {
            errors.add(new FieldError(field, "invalidCharacter", "contains a NUL character"));
            return null;
        }
        if (text.codePointCount(0, text.length()) > q.effectiveMaxLength()) {
            errors.add(new FieldError(field, "tooLong", "is longer than " + q.effectiveMaxLength() + " characters"));
            return null;
        }
        return NODES.textNode(text);
    }
}
