package org.viche.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.core.MultivaluedMap;

import org.viche.error.FieldError;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Translates the HTML form's fields into the API's answers shape, so that the one
 * {@link org.viche.response.AnswerValidator} judges web and API answers alike. Only what a form
 * cannot express directly is decided here: a scale value arrives as text ({@code notAnInteger}),
 * a ranking arrives as one position per option ({@code duplicateRank}, {@code invalidRank}; gaps
 * are closed up in order), and browsers send line breaks as CRLF while counting them as one
 * character against {@code maxlength}.
 */
final class FormAnswers {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The answers to hand to the service, and the problems only the form can have. */
    record Conversion(ObjectNode answers, List<FieldError> errors) {
    }

    private FormAnswers() {
    }

    static Conversion convert(SurveyDefinition survey, MultivaluedMap<String, String> form) {
        ObjectNode answers = NODES.objectNode();
        List<FieldError> errors = new ArrayList<>();
        for (Question q : survey.questionList()) {
            String field = FormFields.name(q);
            JsonNode answer = switch (q.questionType()) {
                case SINGLE_CHOICE -> single(values(form, field));
                case MULTIPLE_CHOICE -> list(values(form, field));
                case SCALE -> scale(values(form, field), field, errors);
                case RANKING -> ranking(q, form, field, errors);
                case TEXT -> text(form.getFirst(field));
            };
            if (answer != null) {
                answers.set(q.key(), answer);
            }
        }
        return new Conversion(answers, errors);
    }

    /** A single-valued field such as the region, or null when blank. */
    static String field(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> values(MultivaluedMap<String, String> form, String field) {
        List<String> values = form.get(field);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    /** One radio value; several (only a tampered form sends them) go on as a list for the validator to refuse. */
    private static JsonNode single(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.size() == 1 ? NODES.textNode(values.get(0)) : list(values);
    }

    private static JsonNode list(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        ArrayNode list = NODES.arrayNode();
        values.forEach(list::add);
        return list;
    }

    private static JsonNode scale(List<String> values, String field, List<FieldError> errors) {
        if (values.isEmpty()) {
            return null;
        }
        try {
            return NODES.numberNode(Integer.parseInt(values.get(0).trim()));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "notAnInteger", "must be a whole number"));
            return null;
        }
    }

    /** Positions chosen per option → option keys ordered by position; blanks are unranked. */
    private static JsonNode ranking(Question q, MultivaluedMap<String, String> form, String field, List<FieldError> errors) {
        int size = q.optionList().size();
        Map<Integer, String> byPosition = new TreeMap<>();
        boolean valid = true;
        for (Option o : q.optionList()) {
            String chosen = form.getFirst(FormFields.rankName(q, o));
            if (chosen == null || chosen.isBlank()) {
                continue;
            }
            int position;
            try {
                position = Integer.parseInt(chosen.trim());
            } catch (NumberFormatException e) {
                position = 0;
            }
            if (position < 1 || position > size) {
                errors.add(new FieldError(field, "invalidRank", "positions run from 1 to " + size));
                valid = false;
            } else if (byPosition.putIfAbsent(position, o.key()) != null) {
                errors.add(new FieldError(field, "duplicateRank", "position " + position + " is given twice"));
                valid = false;
            }
        }
        return valid ? list(List.copyOf(byPosition.values())) : null;
    }

    /** CRLF → LF, so a text that fits the browser's {@code maxlength} also fits the validator's. */
    private static JsonNode text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return NODES.textNode(value.replace("\r\n", "\n").replace('\r', '\n'));
    }
}
