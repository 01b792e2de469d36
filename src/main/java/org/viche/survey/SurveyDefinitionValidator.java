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
            errors.add(DefinitionProblem.DEFINITION_REQUIRED.at("body"));
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
            errors.add(DefinitionProblem.REQUIRED.at("slug"));
        } else if (slug.length() > MAX_KEY_LENGTH || !SLUG.matcher(slug).matches()) {
            errors.add(DefinitionProblem.SLUG_INVALID.at("slug", MAX_KEY_LENGTH));
        }
    }

    private List<String> checkLanguages(SurveyDefinition d, Errors errors) {
        List<String> languages = d.effectiveLanguages();
        if (languages.isEmpty()) {
            errors.add(DefinitionProblem.LANGUAGES_REQUIRED.at(d.languages() == null ? "title" : "languages"));
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < languages.size(); i++) {
            String language = languages.get(i);
            String field = d.languages() == null ? "title" : "languages[" + i + "]";
            if (!SurveyDefinition.SUPPORTED_LANGUAGES.contains(language)) {
                errors.add(DefinitionProblem.LANGUAGE_UNKNOWN.at(field, language));
            } else if (!seen.add(language)) {
                errors.add(DefinitionProblem.LANGUAGE_DUPLICATE.at(field, language));
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
                errors.add(DefinitionProblem.TEXT_REQUIRED.at(field, String.join(", ", languages)));
            }
            return;
        }
        for (String language : languages) {
            String value = text.get(language);
            if (value == null || value.isBlank()) {
                errors.add(DefinitionProblem.TRANSLATION_MISSING.at(field + "." + language, language));
            } else if (value.length() > MAX_TEXT_LENGTH) {
                errors.add(DefinitionProblem.TEXT_TOO_LONG.at(field + "." + language, MAX_TEXT_LENGTH));
            }
        }
        for (String language : text.keySet()) {
            if (!SurveyDefinition.SUPPORTED_LANGUAGES.contains(language)) {
                errors.add(DefinitionProblem.LANGUAGE_UNKNOWN.at(field + "." + language, language));
            }
        }
    }

    private void checkRegions(SurveyDefinition d, Errors errors) {
        if (d.regionScheme() == null || d.regionScheme().isBlank()) {
            errors.add(DefinitionProblem.SCHEME_REQUIRED.at("regionScheme"));
            return;
        }
        Optional<RegionScheme> scheme = regions.scheme(d.regionScheme());
        if (scheme.isEmpty()) {
            errors.add(DefinitionProblem.SCHEME_UNKNOWN.at("regionScheme", d.regionScheme()));
            return;
        }
        if (d.regions() == null) {
            return;
        }
        if (d.regions().isEmpty()) {
            errors.add(DefinitionProblem.REGIONS_EMPTY.at("regions"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < d.regions().size(); i++) {
            String code = d.regions().get(i);
            if (code == null || !scheme.get().contains(code)) {
                errors.add(DefinitionProblem.REGION_UNKNOWN.at("regions[" + i + "]", code, d.regionScheme()));
            } else if (!seen.add(code)) {
                errors.add(DefinitionProblem.REGION_DUPLICATE.at("regions[" + i + "]", code));
            }
        }
    }

    private void checkQuestions(List<Question> questions, List<String> languages, Errors errors) {
        if (questions == null || questions.isEmpty()) {
            errors.add(DefinitionProblem.QUESTIONS_REQUIRED.at("questions"));
            return;
        }
        if (questions.size() > MAX_QUESTIONS) {
            errors.add(DefinitionProblem.QUESTIONS_TOO_MANY.at("questions", MAX_QUESTIONS));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String field = "questions[" + i + "]";
            if (q == null) {
                errors.add(DefinitionProblem.QUESTION_NOT_OBJECT.at(field));
                continue;
            }
            if (checkKey(q.key(), KEY, field + ".key", errors) && !keys.add(q.key())) {
                errors.add(DefinitionProblem.QUESTION_KEY_DUPLICATE.at(field + ".key", q.key()));
            }
            checkText(q.text(), field + ".text", languages, true, errors);
            checkText(q.help(), field + ".help", languages, false, errors);
            Optional<QuestionType> type = QuestionType.parse(q.type());
            if (type.isEmpty()) {
                errors.add(DefinitionProblem.TYPE_UNKNOWN.at(field + ".type"));
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
            errors.add(DefinitionProblem.REQUIRED.at(field));
            return false;
        }
        if (key.length() > MAX_KEY_LENGTH || !pattern.matcher(key).matches()) {
            errors.add((pattern == KEY ? DefinitionProblem.QUESTION_KEY_INVALID : DefinitionProblem.OPTION_KEY_INVALID)
                    .at(field, MAX_KEY_LENGTH));
            return false;
        }
        return true;
    }

    private void checkTypeRules(Question q, QuestionType type, String field, List<String> languages, Errors errors) {
        if (type.hasOptions()) {
            checkOptions(q.options(), field + ".options", languages, errors);
        } else if (q.options() != null) {
            errors.add(DefinitionProblem.OPTIONS_NOT_ALLOWED.at(field + ".options"));
        }
        if (type == QuestionType.MULTIPLE_CHOICE && q.maxChoices() != null) {
            int options = q.optionList().size();
            if (q.maxChoices() < 1 || (options > 0 && q.maxChoices() > options)) {
                errors.add(DefinitionProblem.MAX_CHOICES_OUT_OF_RANGE.at(field + ".maxChoices"));
            }
        } else if (type != QuestionType.MULTIPLE_CHOICE && q.maxChoices() != null) {
            errors.add(DefinitionProblem.MAX_CHOICES_NOT_ALLOWED.at(field + ".maxChoices"));
        }
        if (type == QuestionType.SCALE) {
            checkScale(q, field, languages, errors);
        } else if (q.min() != null || q.max() != null) {
            errors.add(DefinitionProblem.MIN_MAX_NOT_ALLOWED.at(field + (q.min() != null ? ".min" : ".max")));
        }
        if (type == QuestionType.TEXT) {
            if (q.maxLength() != null && (q.maxLength() < 1 || q.maxLength() > MAX_TEXT_LENGTH)) {
                errors.add(DefinitionProblem.MAX_LENGTH_OUT_OF_RANGE.at(field + ".maxLength", MAX_TEXT_LENGTH));
            }
        } else if (q.maxLength() != null) {
            errors.add(DefinitionProblem.MAX_LENGTH_NOT_ALLOWED.at(field + ".maxLength"));
        }
    }

    private void checkScale(Question q, String field, List<String> languages, Errors errors) {
        if (q.min() == null) {
            errors.add(DefinitionProblem.SCALE_MIN_REQUIRED.at(field + ".min"));
        }
        if (q.max() == null) {
            errors.add(DefinitionProblem.SCALE_MAX_REQUIRED.at(field + ".max"));
        }
        if (q.min() != null && q.max() != null) {
            if (q.min() >= q.max()) {
                errors.add(DefinitionProblem.SCALE_MAX_NOT_ABOVE_MIN.at(field + ".max"));
            } else if ((long) q.max() - q.min() + 1 > MAX_SCALE_POINTS) {
                errors.add(DefinitionProblem.SCALE_TOO_MANY_POINTS.at(field + ".max", MAX_SCALE_POINTS));
            }
        }
        checkText(q.minLabel(), field + ".minLabel", languages, false, errors);
        checkText(q.maxLabel(), field + ".maxLabel", languages, false, errors);
    }

    private void checkOptions(List<Option> options, String field, List<String> languages, Errors errors) {
        if (options == null || options.size() < 2) {
            errors.add(DefinitionProblem.OPTIONS_TOO_FEW.at(field));
            if (options == null) {
                return;
            }
        }
        if (options.size() > MAX_OPTIONS) {
            errors.add(DefinitionProblem.OPTIONS_TOO_MANY.at(field, MAX_OPTIONS));
        }
        Set<String> keys = new HashSet<>();
        for (int j = 0; j < options.size(); j++) {
            Option o = options.get(j);
            String optionField = field + "[" + j + "]";
            if (o == null) {
                errors.add(DefinitionProblem.OPTION_NOT_OBJECT.at(optionField));
                continue;
            }
            if (checkKey(o.key(), OPTION_KEY, optionField + ".key", errors) && !keys.add(o.key())) {
                errors.add(DefinitionProblem.OPTION_KEY_DUPLICATE.at(optionField + ".key", o.key()));
            }
            checkText(o.text(), optionField + ".text", languages, true, errors);
        }
    }

    private void checkShowIf(ShowIf showIf, List<Question> earlier, String field, Errors errors) {
        if (showIf.question() == null) {
            errors.add(DefinitionProblem.SHOW_IF_QUESTION_REQUIRED.at(field + ".question"));
            return;
        }
        Optional<Question> target = earlier.stream()
                .filter(q -> q != null && showIf.question().equals(q.key())).findFirst();
        if (target.isEmpty()) {
            errors.add(DefinitionProblem.SHOW_IF_UNKNOWN_QUESTION.at(field + ".question", showIf.question()));
            return;
        }
        Optional<QuestionType> type = QuestionType.parse(target.get().type());
        if (type.isEmpty()) {
            return; // the target's unknown type is reported on the target itself
        }
        if (!(type.get() == QuestionType.SINGLE_CHOICE || type.get() == QuestionType.MULTIPLE_CHOICE)) {
            errors.add(DefinitionProblem.SHOW_IF_NOT_A_CHOICE.at(field + ".question"));
            return;
        }
        if (showIf.anyOf() == null || showIf.anyOf().isEmpty()) {
            errors.add(DefinitionProblem.SHOW_IF_ANY_OF_REQUIRED.at(field + ".anyOf"));
            return;
        }
        for (int i = 0; i < showIf.anyOf().size(); i++) {
            String option = showIf.anyOf().get(i);
            if (option == null || target.get().option(option).isEmpty()) {
                errors.add(DefinitionProblem.SHOW_IF_UNKNOWN_OPTION.at(field + ".anyOf[" + i + "]", option, showIf.question()));
            }
        }
    }

    private void checkResults(SurveyDefinition.ResultsSettings results, Errors errors) {
        if (results == null) {
            return;
        }
        checkEnum(results.visibility(), "results.visibility", Set.of("LIVE", "AFTER_CLOSE"), errors);
        if (results.minCellSize() != null && (results.minCellSize() < 1 || results.minCellSize() > 10_000)) {
            errors.add(DefinitionProblem.MIN_CELL_SIZE_OUT_OF_RANGE.at("results.minCellSize"));
        }
    }

    private void checkEnum(String value, String field, Set<String> allowed, Errors errors) {
        if (value != null && !allowed.contains(value)) {
            errors.add(DefinitionProblem.VALUE_UNKNOWN.at(field, String.join(", ", allowed.stream().sorted().toList())));
        }
    }

    private static final class Errors {
        final List<FieldError> list = new ArrayList<>();

        void add(FieldError error) {
            list.add(error);
        }
    }
}
