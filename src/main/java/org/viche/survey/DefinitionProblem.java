package org.viche.survey;

import org.viche.error.FieldError;
import org.viche.error.TranslatableProblem;

/**
 * Every problem {@link SurveyDefinitionValidator} can report, each with a stable code that pages
 * translate (the console's {@code admin_validation_<code>} text, taking the same values as the
 * English {@code {0}}, {@code {1}}) and the English sentence the API has always returned. The
 * {@code reason} is the coarser code the API's errors carried before (several problems share
 * "required"), kept as {@link FieldError#code()} so that nothing reading it changes.
 */
public enum DefinitionProblem implements TranslatableProblem {
    DEFINITION_REQUIRED("required", "a survey definition is required"),
    REQUIRED("required", "is required"),
    SLUG_INVALID("invalidSlug", "must be lower-case letters, digits and single hyphens, at most {0} characters"),
    LANGUAGES_REQUIRED("required", "the survey needs at least one language (uk, ru or en)"),
    LANGUAGE_UNKNOWN("unknownLanguage", "language '{0}' is not one of uk, ru, en"),
    LANGUAGE_DUPLICATE("duplicate", "language '{0}' is listed twice"),
    TEXT_REQUIRED("required", "is required in {0}"),
    TRANSLATION_MISSING("missingTranslation", "text is missing in language '{0}'"),
    TEXT_TOO_LONG("tooLong", "is longer than {0} characters"),
    SCHEME_REQUIRED("required", "is required (e.g. UA)"),
    SCHEME_UNKNOWN("unknownScheme", "no region scheme named '{0}'"),
    REGIONS_EMPTY("empty", "must name at least one region, or be left out for every region"),
    REGION_UNKNOWN("unknownRegion", "'{0}' is not a region of scheme {1}"),
    REGION_DUPLICATE("duplicate", "'{0}' is listed twice"),
    QUESTIONS_REQUIRED("required", "a survey needs at least one question"),
    QUESTIONS_TOO_MANY("tooMany", "at most {0} questions"),
    QUESTION_NOT_OBJECT("required", "must be a question object"),
    QUESTION_KEY_DUPLICATE("duplicate", "question key '{0}' is used twice"),
    QUESTION_KEY_INVALID("invalidKey", "must hold only a-z, 0-9 and _ (at most {0} characters) and start with a letter"),
    OPTION_KEY_INVALID("invalidKey", "must hold only a-z, 0-9 and _ (at most {0} characters)"),
    TYPE_UNKNOWN("unknownType", "must be one of SINGLE_CHOICE, MULTIPLE_CHOICE, SCALE, RANKING, TEXT"),
    OPTIONS_NOT_ALLOWED("notAllowed", "only choice and ranking questions have options"),
    MAX_CHOICES_OUT_OF_RANGE("outOfRange", "must be between 1 and the number of options"),
    MAX_CHOICES_NOT_ALLOWED("notAllowed", "only multiple-choice questions have maxChoices"),
    MIN_MAX_NOT_ALLOWED("notAllowed", "only scale questions have min and max"),
    MAX_LENGTH_OUT_OF_RANGE("outOfRange", "must be between 1 and {0}"),
    MAX_LENGTH_NOT_ALLOWED("notAllowed", "only text questions have maxLength"),
    SCALE_MIN_REQUIRED("required", "a scale needs min"),
    SCALE_MAX_REQUIRED("required", "a scale needs max"),
    SCALE_MAX_NOT_ABOVE_MIN("minNotBelowMax", "max must be greater than min"),
    SCALE_TOO_MANY_POINTS("outOfRange", "a scale has at most {0} points"),
    OPTIONS_TOO_FEW("tooFewOptions", "a choice or ranking question needs at least two options"),
    OPTIONS_TOO_MANY("tooMany", "at most {0} options"),
    OPTION_NOT_OBJECT("required", "must be an option object"),
    OPTION_KEY_DUPLICATE("duplicate", "option key '{0}' is used twice"),
    SHOW_IF_QUESTION_REQUIRED("required", "must name an earlier question"),
    SHOW_IF_UNKNOWN_QUESTION("unknownQuestion", "'{0}' is not an earlier question of this survey"),
    SHOW_IF_NOT_A_CHOICE("notAChoice", "showIf must name a single- or multiple-choice question"),
    SHOW_IF_ANY_OF_REQUIRED("required", "must list at least one option"),
    SHOW_IF_UNKNOWN_OPTION("unknownOption", "'{0}' is not an option of question '{1}'"),
    MIN_CELL_SIZE_OUT_OF_RANGE("outOfRange", "must be between 1 and 10000"),
    VALUE_UNKNOWN("unknownValue", "must be one of {0}");

    private final String reason;
    private final String english;

    DefinitionProblem(String reason, String english) {
        this.reason = reason;
        this.english = english;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public String english() {
        return english;
    }
}
