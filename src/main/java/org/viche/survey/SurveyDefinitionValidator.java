package org.viche.survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.error.FieldError;
import org.viche.region.RegionCatalog;
import org.viche.region.RegionScheme;
import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.SurveyDefinition.ShowIf;

/**
 * Checks a whole survey definition and reports every problem at once, so an author fixes a
 * broken survey in one round trip and nothing broken can ever be opened.
 */
@ApplicationScoped
public class SurveyDefinitionValidator {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Question keys become microdata column names, so they start with a letter. */
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
    /** Option keys may start with a digit ({@code 18_29}); they are suffixes of column names. */
    static final Pattern OPTION_KEY = Pattern.compile("[a-z0-9][a-z0-9_]*");
    static final int MAX_KEY_LENGTH = 64;
    static final int MAX_QUESTIONS = 200;
    static final int MAX_OPTIONS = 100;
    static final int MAX_SCALE_POINTS = 101;
    static final int MAX_TEXT_LENGTH = 10_000;
    static final int MAX_LABEL_LENGTH = 2_000;

    @Inject
    RegionCatalog regions;

    public SurveyDefinitionValidator() {
    }

    public SurveyDefinitionValidator(RegionCatalog regions) {
        this.regions = regions;
    }

    public List<FieldError> validate(SurveyDefinition d) {
        Errors errors = new Errors();
        if (d == null) {
            errors.add("body", "required", "a survey definition is required");
            return errors.list;
        }
        checkSlug(d.slug(), errors);
        List<String> languages = checkLanguages(d, errors);
        checkText(d.title(), "title", languages, true, errors);
        checkText(d.description(), "description", languages, false, errors);
        checkMethodology(d.methodology(), languages, errors);
        checkRegions(d, errors);
        checkEnum(d.access(), "access", Set.of("OPEN", "TOKEN"), errors);
        checkQuestions(d.questions(), languages, errors);
        checkResults(d.results(), errors);
        return errors.list;
    }

    private void checkSlug(String slug, Errors errors) {
        if (slug == null || slug.isBlank()) {
            errors.add("slug", "required", "is required");
        } else if (slug.length() > MAX_KEY_LENGTH || !SLUG.matcher(slug).matches()) {
            errors.add("slug", "invalidSlug",
                    "must be lower-case letters, digits and single hyphens, at most " + MAX_KEY_LENGTH + " characters");
        }
    }

    private List<String> checkLanguages(SurveyDefinition d, Errors errors) {
        List<String> languages = d.effectiveLanguages();
        if (languages.isEmpty()) {
            errors.add(d.languages() == null ? "title" : "languages", "required",
                    "the survey needs at least one language (uk, ru or en)");
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < languages.size(); i++) {
            String language = languages.get(i);
            String field = d.languages() == null ? "title" : "languages[" + i + "]";
            if (!SurveyDefinition.SUPPORTED_LANGUAGES.contains(language)) {
                errors.add(field, "unknownLanguage", "language '" + language + "' is not one of uk, ru, en");
            } else if (!seen.add(language)) {
                errors.add(field, "duplicate", "language '" + language + "' is listed twice");
            }
        }
        return languages.stream().filter(SurveyDefinition.SUPPORTED_LANGUAGES::contains).distinct().toList();
    }

    /** Every methodology text is optional, but where given it is given in each of the survey's languages. */
    private void checkMethodology(SurveyDefinition.Methodology m, List<String> languages, Errors errors) {
        if (m == null) {
            return;
        }
        checkText(m.sponsor(), "methodology.sponsor", languages, false, errors);
        checkText(m.conductedBy(), "methodology.conductedBy", languages, false, errors);
        checkText(m.population(), "methodology.population", languages, false, errors);
        checkText(m.recruitment(), "methodology.recruitment", languages, false, errors);
        checkText(m.mode(), "methodology.mode", languages, false, errors);
        checkText(m.limitations(), "methodology.limitations", languages, false, errors);
    }

    private void checkText(Map<String, String> text, String field, List<String> languages, boolean required, Errors errors) {
        if (text == null || text.isEmpty()) {
            if (required) {
                errors.add(field, "required", "is required in " + String.join(", ", languages));
            }
            return;
        }
        for (String language : languages) {
            String value = text.get(language);
            if (value == null || value.isBlank()) {
                errors.add(field + "." + language, "missingTranslation", "text is missing in language '" + language + "'");
            } else if (value.length() > MAX_TEXT_LENGTH) {
                errors.add(field + "." + language, "tooLong", "is longer than " + MAX_TEXT_LENGTH + " characters");
            }
        }
        for (String language : text.keySet()) {
            if (!SurveyDefinition.SUPPORTED_LANGUAGES.contains(language)) {
                errors.add(field + "." + language, "unknownLanguage", "language '" + language + "' is not one of uk, ru, en");
            }
        }
    }

    private void checkRegions(SurveyDefinition d, Errors errors) {
        if (d.regionScheme() == null || d.regionScheme().isBlank()) {
            errors.add("regionScheme", "required", "is required (e.g. UA)");
            return;
        }
        Optional<RegionScheme> scheme = regions.scheme(d.regionScheme());
        if (scheme.isEmpty()) {
            errors.add("regionScheme", "unknownScheme", "no region scheme named '" + d.regionScheme() + "'");
            return;
        }
        if (d.regions() == null) {
            return;
        }
        if (d.regions().isEmpty()) {
            errors.add("regions", "empty", "must name at least one region, or be left out for every region");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < d.regions().size(); i++) {
            String code = d.regions().get(i);
            if (code == null || !scheme.get().contains(code)) {
                errors.add("regions[" + i + "]", "unknownRegion",
                        "'" + code + "' is not a region of scheme " + d.regionScheme());
            } else if (!seen.add(code)) {
                errors.add("regions[" + i + "]", "duplicate", "'" + code + "' is listed twice");
            }
        }
    }

    private void checkQuestions(List<Question> questions, List<String> languages, Errors errors) {
        if (questions == null || questions.isEmpty()) {
            errors.add("questions", "required", "a survey needs at least one question");
            return;
        }
        if (questions.size() > MAX_QUESTIONS) {
            errors.add("questions", "tooMany", "at most " + MAX_QUESTIONS + " questions");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String field = "questions[" + i + "]";
            if (q == null) {
                errors.add(field, "required", "must be a question object");
                continue;
            }
            if (checkKey(q.key(), KEY, field + ".key", errors) && !keys.add(q.key())) {
                errors.add(field + ".key", "duplicate", "question key '" + q.key() + "' is used twice");
            }
            checkText(q.text(), field + ".text", languages, true, errors);
            checkText(q.help(), field + ".help", languages, false, errors);
            Optional<QuestionType> type = QuestionType.parse(q.type());
            if (type.isEmpty()) {
                errors.add(field + ".type", "unknownType",
                        "must be one of SINGLE_CHOICE, MULTIPLE_CHOICE, SCALE, RANKING, TEXT");
            } else {
                checkTypeRules(q, type.get(), field, languages, errors);
            }
            if (q.showIf() != null) {
                checkShowIf(q.showIf(), questions.subList(0, i), field + ".showIf", errors);
            }
        }
    }

    private boolean checkKey(String key, Pattern pattern, String field, Errors errors) {
        if (key == null || key.isBlank()) {
            errors.add(field, "required", "is required");
            return false;
        }
        if (key.length() > MAX_KEY_LENGTH || !pattern.matcher(key).matches()) {
            errors.add(field, "invalidKey", "must hold only a-z, 0-9 and _ (at most " + MAX_KEY_LENGTH
                    + " characters)" + (pattern == KEY ? " and start with a letter" : ""));
            return false;
        }
        return true;
    }

    private void checkTypeRules(Question q, QuestionType type, String field, List<String> languages, Errors errors) {
        if (type.hasOptions()) {
            checkOptions(q.options(), field + ".options", languages, errors);
        } else if (q.options() != null) {
            errors.add(field + ".options", "notAllowed", "only choice and ranking questions have options");
        }
        if (type == QuestionType.MULTIPLE_CHOICE && q.maxChoices() != null) {
            int options = q.optionList().size();
            if (q.maxChoices() < 1 || (options > 0 && q.maxChoices() > options)) {
                errors.add(field + ".maxChoices", "outOfRange", "must be between 1 and the number of options");
            }
        } else if (type != QuestionType.MULTIPLE_CHOICE && q.maxChoices() != null) {
            errors.add(field + ".maxChoices", "notAllowed", "only multiple-choice questions have maxChoices");
        }
        if (type == QuestionType.SCALE) {
            checkScale(q, field, languages, errors);
        } else if (q.min() != null || q.max() != null) {
            errors.add(field + (q.min() != null ? ".min" : ".max"), "notAllowed", "only scale questions have min and max");
        }
        if (type == QuestionType.TEXT) {
            if (q.maxLength() != null && (q.maxLength() < 1 || q.maxLength() > MAX_TEXT_LENGTH)) {
                errors.add(field + ".maxLength", "outOfRange", "must be between 1 and " + MAX_TEXT_LENGTH);
            }
        } else if (q.maxLength() != null) {
            errors.add(field + ".maxLength", "notAllowed", "only text questions have maxLength");
        }
    }

    private void checkScale(Question q, String field, List<String> languages, Errors errors) {
        if (q.min() == null) {
            errors.add(field + ".min", "required", "a scale needs min");
        }
        if (q.max() == null) {
            errors.add(field + ".max", "required", "a scale needs max");
        }
        if (q.min() != null && q.max() != null) {
            if (q.min() >= q.max()) {
                errors.add(field + ".max", "minNotBelowMax", "max must be greater than min");
            } else if ((long) q.max() - q.min() + 1 > MAX_SCALE_POINTS) {
                errors.add(field + ".max", "outOfRange", "a scale has at most " + MAX_SCALE_POINTS + " points");
            }
        }
        checkText(q.minLabel(), field + ".minLabel", languages, false, errors);
        checkText(q.maxLabel(), field + ".maxLabel", languages, false, errors);
    }

    private void checkOptions(List<Option> options, String field, List<String> languages, Errors errors) {
        if (options == null || options.size() < 2) {
            errors.add(field, "tooFewOptions", "a choice or ranking question needs at least two options");
            if (options == null) {
                return;
            }
        }
        if (options.size() > MAX_OPTIONS) {
            errors.add(field, "tooMany", "at most " + MAX_OPTIONS + " options");
        }
        Set<String> keys = new HashSet<>();
        for (int j = 0; j < options.size(); j++) {
            Option o = options.get(j);
            String optionField = field + "[" + j + "]";
            if (o == null) {
                errors.add(optionField, "required", "must be an option object");
                continue;
            }
            if (checkKey(o.key(), OPTION_KEY, optionField + ".key", errors) && !keys.add(o.key())) {
                errors.add(optionField + ".key", "duplicate", "option key '" + o.key() + "' is used twice");
            }
            checkText(o.text(), optionField + ".text", languages, true, errors);
        }
    }

    private void checkShowIf(ShowIf showIf, List<Question> earlier, String field, Errors errors) {
        if (showIf.question() == null) {
            errors.add(field + ".question", "required", "must name an earlier question");
            return;
        }
        Optional<Question> target = earlier.stream()
                .filter(q -> q != null && showIf.question().equals(q.key())).findFirst();
        if (target.isEmpty()) {
            errors.add(field + ".question", "unknownQuestion",
                    "'" + showIf.question() + "' is not an earlier question of this survey");
            return;
        }
        Optional<QuestionType> type = QuestionType.parse(target.get().type());
        if (type.isEmpty()) {
            return; // the target's unknown type is reported on the target itself
        }
        if (!(type.get() == QuestionType.SINGLE_CHOICE || type.get() == QuestionType.MULTIPLE_CHOICE)) {
            errors.add(field + ".question", "notAChoice", "showIf must name a single- or multiple-choice question");
            return;
        }
        if (showIf.anyOf() == null || showIf.anyOf().isEmpty()) {
            errors.add(field + ".anyOf", "required", "must list at least one option");
            return;
        }
        for (int i = 0; i < showIf.anyOf().size(); i++) {
            String option = showIf.anyOf().get(i);
            if (option == null || target.get().option(option).isEmpty()) {
                errors.add(field + ".anyOf[" + i + "]", "unknownOption",
                        "'" + option + "' is not an option of question '" + showIf.question() + "'");
            }
        }
    }

    private void checkResults(SurveyDefinition.ResultsSettings results, Errors errors) {
        if (results == null) {
            return;
        }
        checkEnum(results.visibility(), "results.visibility", Set.of("LIVE", "AFTER_CLOSE"), errors);
        if (results.minCellSize() != null && (results.minCellSize() < 1 || results.minCellSize() > 10_000)) {
            errors.add("results.minCellSize", "outOfRange", "must be between 1 and 10000");
        }
    }

    private void checkEnum(String value, String field, Set<String> allowed, Errors errors) {
        if (value != null && !allowed.contains(value)) {
            errors.add(field, "unknownValue", "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    private static final class Errors {
        final List<FieldError> list = new ArrayList<>();

        void add(String field, String code, String message) {
            list.add(new FieldError(field, code, message));
        }
    }
}
