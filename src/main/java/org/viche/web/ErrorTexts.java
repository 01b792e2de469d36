package org.viche.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.viche.error.FieldError;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinition.Question;

/**
 * Turns a {@link FieldError}'s stable code into a sentence in the page language, with the
 * question's own limits filled in ("choose at most 3"). The English {@code message} of the
 * error is for API clients and never reaches a page.
 */
final class ErrorTexts {

    /**
     * Every code a form page can be shown: those of the answer validator and the response
     * service, plus the form's own. MessageBundlesTest checks each has a text in every language
     * and that the validator emits no code missing here.
     */
    static final List<String> TRANSLATED_CODES = List.of(
            "required", "notAnObject", "notAnOption", "notAList", "duplicateOption", "tooManyChoices",
            "notAnInteger", "outOfScale", "notText", "tooLong", "invalidCharacter", "hiddenQuestion",
            "unknownQuestion", "unknownRegion", "unknownLanguage",
            "duplicateRank", "invalidRank", "invitationRequired", "invitationInvalid", "invitationMalformed", "formRefused");

    private final Messages msg;
    private final SurveyDefinition survey;
    private final Map<String, Integer> numbers;
    private final String lang;
    private final String fallback;

    ErrorTexts(Messages msg, SurveyDefinition survey, Map<String, Integer> numbers, String fallbackLanguage) {
        this.msg = msg;
        this.survey = survey;
        this.numbers = numbers;
        this.lang = msg.language();
        this.fallback = fallbackLanguage;
    }

    String describe(FieldError error) {
        String code = error.code();
        String key = keyFor(error.field(), code);
        Question q = questionOf(error.field());
        if (q == null) {
            return msg.get(key);
        }
        return switch (code) {
            case "tooManyChoices" -> msg.format(key, q.effectiveMaxChoices());
            case "outOfScale", "notAnInteger" -> msg.format(key, q.min(), q.max());
            case "tooLong" -> msg.format(key, q.effectiveMaxLength());
            case "invalidRank" -> msg.format(key, q.optionList().size());
            case "hiddenQuestion" -> hidden(key, q);
            default -> msg.get(key);
        };
    }

    /** A field-specific text ({@code error.region.required}) wins over the general one. */
    private String keyFor(String field, String code) {
        String specific = "error." + field + "." + code;
        if ((FormFields.REGION.equals(field) || FormFields.INVITATION.equals(field)) && msg.has(specific)) {
            return specific;
        }
        String general = "error." + code;
        return msg.has(general) ? general : "error.generic";
    }

    private Question questionOf(String field) {
        if (field == null || !field.startsWith(FormFields.ANSWERS)) {
            return null;
        }
        return survey.question(field.substring(FormFields.ANSWERS.length())).orElse(null);
    }

    private String hidden(String key, Question q) {
        if (q.showIf() == null) {
            return msg.get("error.generic");
        }
        Question controlling = survey.question(q.showIf().question()).orElse(null);
        if (controlling == null) {
            return msg.get("error.generic");
        }
        return msg.format(key, numbers.getOrDefault(controlling.key(), 0), optionList(controlling, q.showIf().anyOf()));
    }

    /** “A”, “B” or “C” — the options that make a conditional question apply. */
    String optionList(Question q, List<String> optionKeys) {
        return optionKeys.stream()
                .map(k -> q.option(k).map(o -> TextExtensions.localized(o.text(), lang, fallback)).orElse(k))
                .map(text -> msg.format("quote", text))
                .collect(Collectors.joining(msg.get("list.or")));
    }
}
