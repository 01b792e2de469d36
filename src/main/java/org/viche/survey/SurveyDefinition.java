package org.viche.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A survey as its author writes it (see api.md). Enumerated fields are kept as strings so
 * that {@link SurveyDefinitionValidator} can report every bad value at once instead of the
 * JSON reader stopping at the first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyDefinition(
        String slug,
        Map<String, String> title,
        Map<String, String> description,
        List<String> languages,
        String regionScheme,
        List<String> regions,
        String access,
        List<Question> questions,
        Methodology methodology,
        ResultsSettings results) {

    public static final List<String> SUPPORTED_LANGUAGES = List.of("uk", "ru", "en");
    public static final int DEFAULT_MIN_CELL_SIZE = 10;
    public static final int DEFAULT_TEXT_MAX_LENGTH = 2000;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(
            String key,
            String type,
            Boolean required,
            Map<String, String> text,
            Map<String, String> help,
            List<Option> options,
            Integer maxChoices,
            Integer min,
            Integer max,
            Map<String, String> minLabel,
            Map<String, String> maxLabel,
            Integer maxLength,
            ShowIf showIf) {

        @JsonIgnore
        public QuestionType questionType() {
            return QuestionType.parse(type).orElseThrow();
        }

        @JsonIgnore
        public boolean isRequired() {
            return Boolean.TRUE.equals(required);
        }

        @JsonIgnore
        public List<Option> optionList() {
            return options == null ? List.of() : options;
        }

        @JsonIgnore
        public Optional<Option> option(String optionKey) {
            return optionList().stream().filter(o -> o.key().equals(optionKey)).findFirst();
        }

        @JsonIgnore
        public int effectiveMaxLength() {
            return maxLength == null ? DEFAULT_TEXT_MAX_LENGTH : maxLength;
        }

        @JsonIgnore
        public int effectiveMaxChoices() {
            return maxChoices == null ? optionList().size() : maxChoices;
        }
    }

    public record Option(String key, Map<String, String> text) {
    }

    /** Show the question only when an earlier choice question was answered with one of {@code anyOf}. */
    public record ShowIf(String question, List<String> anyOf) {
    }

    /**
     * AAPOR disclosure, each text a map language → text like every other text of a definition.
     * {@code sponsor} paid for the survey, {@code conductedBy} ran it. Definitions stored before
     * texts were per language held plain (English) strings; they are read as {@code {"en": …}}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Methodology(
            @JsonDeserialize(using = LegacyText.class) Map<String, String> sponsor,
            @JsonDeserialize(using = LegacyText.class) Map<String, String> conductedBy,
            @JsonDeserialize(using = LegacyText.class) Map<String, String> population,
            @JsonDeserialize(using = LegacyText.class) Map<String, String> recruitment,
            @JsonDeserialize(using = LegacyText.class) Map<String, String> mode,
            @JsonDeserialize(using = LegacyText.class) Map<String, String> limitations) {

        public static final Methodology NONE = new Methodology(null, null, null, null, null, null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResultsSettings(String visibility, Integer minCellSize) {
    }

    /** Declared languages, else those of the title in the author's order. */
    @JsonIgnore
    public List<String> effectiveLanguages() {
        if (languages != null && !languages.isEmpty()) {
            return languages;
        }
        return title == null ? List.of() : List.copyOf(title.keySet());
    }

    @JsonIgnore
    public List<Question> questionList() {
        return questions == null ? List.of() : questions;
    }

    @JsonIgnore
    public Optional<Question> question(String key) {
        return questionList().stream().filter(q -> q.key().equals(key)).findFirst();
    }

    @JsonIgnore
    public AccessMode accessMode() {
        return access == null ? AccessMode.OPEN : AccessMode.valueOf(access);
    }

    @JsonIgnore
    public int minCellSize() {
        return results == null || results.minCellSize() == null ? DEFAULT_MIN_CELL_SIZE : results.minCellSize();
    }

    @JsonIgnore
    public ResultsVisibility resultsVisibility() {
        return results == null || results.visibility() == null
                ? ResultsVisibility.LIVE : ResultsVisibility.valueOf(results.visibility());
    }

    public enum AccessMode { OPEN, TOKEN }

    public enum ResultsVisibility { LIVE, AFTER_CLOSE }
}
