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
     * service, plus the form's own. MessageFilesTest checks each has a text in every language
     * and that the validator emits no code missing here.
     */
    static final List<String> TRANSLATED_CODES = List.of(
            "required", "notAnObject", "notAnOption", "notAList", "duplicateOption", "tooManyChoices",
            "notAnInteger", "outOfScale", "notText", "tooLong", "invalidCharacter", "hiddenQuestion",
            "unknownQuestion", "unknownRegion", "unknownLanguage",
            "duplicateRank", "invalidRank", "invitationRequired", "invitationInvalid", "invitationMalformed", "formRefused");

    private final PageMessages msg;
    private final SurveyDefinition survey;
    private final Map<String, Integer> numbers;
    private final String lang;
    private final String fallback;

    ErrorTexts(PageMessages msg, SurveyDefinition survey, Map<String, Integer> numbers, String fallbackLanguage) {
        this.msg = msg;
        this.survey = survey;
        this.numbers = numbers;
        this.lang = msg.language();
        this.fallback = fallbackLanguage;
    }

    String describe(FieldError error) {
        String code = error.code();
        Question q = questionOf(error.field());
        if (q != null) {
            switch (code) {
                case "tooManyChoices":
                    return msg.error_tooManyChoices(q.effectiveMaxChoices());
                case "outOfScale":
                    return msg.error_outOfScale(q.min(), q.max());
                case "notAnInteger":
                    return msg.error_notAnInteger(q.min(), q.max());
                case "tooLong":
                    return msg.error_tooLong(q.effectiveMaxLength());
                case "invalidRank":
                    return msg.error_invalidRank(q.optionList().size());
                case "hiddenQuestion":
                    return hidden(q);
                default:
                    break;
            }
        }
        if ("required".equals(code) && FormFields.REGION.equals(error.field())) {
            return msg.error_region_required();
        }
        if ("required".equals(code) && FormFields.INVITATION.equals(error.field())) {
            return msg.error_invitation_required();
        }
        String text = plain(code, msg);
        return text != null ? text : msg.error_generic();
    }

    /** The text of a code that needs no question's limits; null for a code the pages do not know. */
    static String plain(String code, PageMessages msg) {
        return switch (code) {
            case "required" -> msg.error_required();
            case "notAnObject" -> msg.error_notAnObject();
            case "notAnOption" -> msg.error_notAnOption();
            case "notAList" -> msg.error_notAList();
            case "duplicateOption" -> msg.error_duplicateOption();
            case "notText" -> msg.error_notText();
            case "invalidCharacter" -> msg.error_invalidCharacter();
            case "unknownQuestion" -> msg.error_unknownQuestion();
            case "unknownRegion" -> msg.error_unknownRegion();
            case "unknownLanguage" -> msg.error_unknownLanguage();
            case "duplicateRank" -> msg.error_duplicateRank();
            case "invitationRequired" -> msg.error_invitationRequired();
            case "invitationInvalid" -> msg.error_invitationInvalid();
            case "invitationMalformed" -> msg.error_invitationMalformed();
            case "formRefused" -> msg.error_formRefused();
            // Without their question these say what is wrong, not the limits.
            case "tooManyChoices", "outOfScale", "notAnInteger", "tooLong", "invalidRank", "hiddenQuestion" -> msg.error_generic();
            default -> null;
        };
    }

    private Question questionOf(String field) {
        if (field == null || !field.startsWith(FormFields.ANSWERS)) {
            return null;
        }
        return survey.question(field.substring(FormFields.ANSWERS.length())).orElse(null);
    }

    private String hidden(Question q) {
        if (q.showIf() == null) {
            return msg.error_generic();
        }
        Question controlling = survey.question(q.showIf().question()).orElse(null);
        if (controlling == null) {
            return msg.error_generic();
        }
        return msg.error_hiddenQuestion(numbers.getOrDefault(controlling.key(), 0), optionList(controlling, q.showIf().anyOf()));
    }

    /** “A”, “B” or “C” — the options that make a conditional question apply. */
    String optionList(Question q, List<String> optionKeys) {
        return optionKeys.stream()
                .map(k -> q.option(k).map(o -> TextExtensions.localized(o.text(), lang, fallback)).orElse(k))
                .map(text -> msg.quote(text))
                .collect(Collectors.joining(" " + msg.list_or() + " "));
    }
}
