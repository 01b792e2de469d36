package org.viche.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.viche.error.FieldError;
import org.viche.region.RegionCatalog;

import com.fasterxml.jackson.databind.ObjectMapper;

class SurveyDefinitionValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SurveyDefinitionValidator validator = new SurveyDefinitionValidator(RegionCatalog.bundled());

    private static Map<String, Object> text(String en) {
        return new LinkedHashMap<>(Map.of("en", en, "uk", en + " (uk)"));
    }

    private static Map<String, Object> option(String key) {
        return new LinkedHashMap<>(Map.of("key", key, "text", text(key)));
    }

    private static Map<String, Object> choice(String key, String type, String... options) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("key", key);
        q.put("type", type);
        q.put("text", text(key));
        List<Object> opts = new ArrayList<>();
        for (String o : options) {
            opts.add(option(o));
        }
        q.put("options", opts);
        return q;
    }

    private static Map<String, Object> valid() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("slug", "donbas-future");
        d.put("languages", List.of("en", "uk"));
        d.put("title", text("Title"));
        d.put("regionScheme", "UA");
        d.put("regions", List.of("UA-14", "UA-09"));
        d.put("access", "OPEN");
        Map<String, Object> scale = new LinkedHashMap<>(Map.of("key", "trust", "type", "SCALE", "min", 1, "max", 5, "text", text("t")));
        Map<String, Object> comment = new LinkedHashMap<>(Map.of("key", "comment", "type", "TEXT", "maxLength", 2000, "text", text("c")));
        Map<String, Object> why = new LinkedHashMap<>(Map.of("key", "why_sez", "type", "TEXT", "text", text("w"),
                "showIf", Map.of("question", "arrangement", "anyOf", List.of("sez"))));
        d.put("questions", new ArrayList<>(List.of(choice("arrangement", "SINGLE_CHOICE", "sez", "dmz"),
                choice("guarantees", "MULTIPLE_CHOICE", "us", "eu", "un"), scale,
                choice("priorities", "RANKING", "peace", "integrity"), comment, why)));
        d.put("results", Map.of("visibility", "LIVE", "minCellSize", 10));
        return d;
    }

    private List<String> validate(Map<String, Object> definition) {
        SurveyDefinition d = JSON.convertValue(definition, SurveyDefinition.class);
        return validator.validate(d).stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> question(Map<String, Object> d, int index) {
        return ((List<Map<String, Object>>) d.get("questions")).get(index);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> questions(Map<String, Object> d) {
        return (List<Map<String, Object>>) d.get("questions");
    }

    @Test
    void acceptsAValidDefinition() {
        assertEquals(List.of(), validate(valid()));
    }

    @Test
    void rejectsMissingOrMalformedSlug() {
        Map<String, Object> d = valid();
        d.remove("slug");
        assertEquals(List.of("slug:required"), validate(d));
        d.put("slug", "Donbas Future");
        assertEquals(List.of("slug:invalidSlug"), validate(d));
    }

    @Test
    void rejectsDuplicateQuestionKeys() {
        Map<String, Object> d = valid();
        question(d, 1).put("key", "arrangement");
        assertTrue(validate(d).contains("questions[1].key:duplicate"));
    }

    @Test
    void rejectsDuplicateOptionKeys() {
        Map<String, Object> d = valid();
        questions(d).set(0, choice("arrangement", "SINGLE_CHOICE", "sez", "sez"));
        assertEquals(List.of("questions[0].options[1].key:duplicate"), validate(d));
    }

    @Test
    void rejectsChoiceQuestionWithoutOptions() {
        Map<String, Object> d = valid();
        question(d, 1).remove("options");
        question(d, 3).put("options", List.of(option("only")));
        assertEquals(List.of("questions[1].options:tooFewOptions", "questions[3].options:tooFewOptions"), validate(d));
    }

    @Test
    void rejectsScaleWhoseMinIsNotBelowMax() {
        Map<String, Object> d = valid();
        question(d, 2).put("min", 5);
        assertEquals(List.of("questions[2].max:minNotBelowMax"), validate(d));
        question(d, 2).remove("min");
        assertEquals(List.of("questions[2].min:required"), validate(d));
    }

    @Test
    void rejectsMaxChoicesOutsideTheOptionCount() {
        Map<String, Object> d = valid();
        question(d, 1).put("maxChoices", 4);
        assertEquals(List.of("questions[1].maxChoices:outOfRange"), validate(d));
        question(d, 1).put("maxChoices", 0);
        assertEquals(List.of("questions[1].maxChoices:outOfRange"), validate(d));
    }

    @Test
    void rejectsFieldsThatDoNotBelongToTheType() {
        Map<String, Object> d = valid();
        question(d, 2).put("options", List.of(option("a"), option("b")));
        question(d, 0).put("maxLength", 10);
        question(d, 4).put("min", 1);
        assertEquals(List.of("questions[0].maxLength:notAllowed", "questions[2].options:notAllowed", "questions[4].min:notAllowed"),
                validate(d).stream().sorted().toList());
    }

    @Test
    void rejectsTextMaxLengthOutOfRange() {
        Map<String, Object> d = valid();
        question(d, 4).put("maxLength", 0);
        assertEquals(List.of("questions[4].maxLength:outOfRange"), validate(d));
    }

    @Test
    void rejectsUnknownQuestionType() {
        Map<String, Object> d = valid();
        question(d, 0).put("type", "ESSAY");
        assertEquals(List.of("questions[0].type:unknownType"), validate(d));
    }

    @Test
    void rejectsShowIfNamingAnUnknownQuestion() {
        Map<String, Object> d = valid();
        question(d, 5).put("showIf", Map.of("question", "nothing", "anyOf", List.of("sez")));
        assertEquals(List.of("questions[5].showIf.question:unknownQuestion"), validate(d));
    }

    @Test
    void rejectsShowIfNamingALaterQuestion() {
        Map<String, Object> d = valid();
        question(d, 0).put("showIf", Map.of("question", "guarantees", "anyOf", List.of("us")));
        assertEquals(List.of("questions[0].showIf.question:unknownQuestion"), validate(d));
    }

    @Test
    void rejectsShowIfNamingAnUnknownOption() {
        Map<String, Object> d = valid();
        question(d, 5).put("showIf", Map.of("question", "arrangement", "anyOf", List.of("sez", "war")));
        assertEquals(List.of("questions[5].showIf.anyOf[1]:unknownOption"), validate(d));
    }

    @Test
    void rejectsShowIfOnANonChoiceQuestion() {
        Map<String, Object> d = valid();
        question(d, 5).put("showIf", Map.of("question", "trust", "anyOf", List.of("1")));
        assertEquals(List.of("questions[5].showIf.question:notAChoice"), validate(d));
    }

    @Test
    void rejectsUnknownRegionsAndSchemes() {
        Map<String, Object> d = valid();
        d.put("regions", List.of("UA-14", "UA-99", "UA-14"));
        assertEquals(List.of("regions[1]:unknownRegion", "regions[2]:duplicate"), validate(d));
        d.put("regionScheme", "XX");
        assertEquals(List.of("regionScheme:unknownScheme"), validate(d));
    }

    @Test
    void rejectsMissingTextInASurveyLanguage() {
        Map<String, Object> d = valid();
        d.put("languages", List.of("en", "uk", "ru"));
        List<String> errors = validate(d);
        assertTrue(errors.contains("title.ru:missingTranslation"), errors::toString);
        assertTrue(errors.contains("questions[0].text.ru:missingTranslation"), errors::toString);
        assertTrue(errors.contains("questions[0].options[0].text.ru:missingTranslation"), errors::toString);
    }

    @Test
    void rejectsUnsupportedLanguage() {
        Map<String, Object> d = valid();
        d.put("languages", List.of("en", "de"));
        assertEquals(List.of("languages[1]:unknownLanguage"), validate(d));
    }

    @Test
    void rejectsUnknownAccessAndVisibility() {
        Map<String, Object> d = valid();
        d.put("access", "PUBLIC");
        d.put("results", Map.of("visibility", "NEVER", "minCellSize", 0));
        assertEquals(List.of("access:unknownValue", "results.minCellSize:outOfRange", "results.visibility:unknownValue"),
                validate(d).stream().sorted().toList());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, Object> d = valid();
        d.put("slug", "");
        d.put("regions", List.of("UA-99"));
        question(d, 1).put("key", "arrangement");
        question(d, 2).put("max", 1);
        List<String> errors = validate(d);
        assertEquals(4, errors.size(), errors::toString);
    }

    @Test
    void emptyDefinitionNamesEveryRequiredField() {
        List<FieldError> errors = validator.validate(new SurveyDefinition(null, null, null, null, null, null, null, null,
                null, null));
        List<String> fields = errors.stream().map(FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("slug", "title", "regionScheme", "questions")), fields::toString);
    }

    @Test
    void methodologyTextsArePerLanguageWithSponsorAndConductedBySeparate() {
        Map<String, Object> d = valid();
        d.put("methodology", Map.of("sponsor", text("Fund"), "conductedBy", text("Institute"),
                "limitations", Map.of("en", "Opt-in only")));
        assertEquals(List.of("methodology.limitations.uk:missingTranslation"), validate(d));
        SurveyDefinition read = JSON.convertValue(d, SurveyDefinition.class);
        assertEquals("Institute (uk)", read.methodology().conductedBy().get("uk"));
        assertEquals("Fund", read.methodology().sponsor().get("en"));
    }

    @Test
    void aMethodologyStoredAsPlainStringsIsReadAsEnglish() {
        Map<String, Object> d = valid();
        d.put("methodology", Map.of("sponsor", "Fund"));
        assertEquals(Map.of("en", "Fund"), JSON.convertValue(d, SurveyDefinition.class).methodology().sponsor());
    }

    @Test
    void theAnswersThatAreNotPlacesAreRegionsOfTheScheme() {
        Map<String, Object> d = valid();
        d.put("regions", List.of("UA-14", "ABROAD"));
        assertEquals(List.of(), validate(d));
    }

    /** The API's English sentences stay as they were; the console translates the text code with the same values. */
    @Test
    void eachProblemKeepsItsEnglishSentenceAndCarriesItsTextCodeAndValues() {
        Map<String, Object> d = valid();
        d.put("regions", List.of("UA-14", "XX-99"));
        question(d, 2).put("min", 5);
        question(d, 2).put("max", 1);
        question(d, 5).put("showIf", Map.of("question", "arrangement", "anyOf", List.of("nope")));
        SurveyDefinition definition = JSON.convertValue(d, SurveyDefinition.class);
        List<String> described = validator.validate(definition).stream()
                .map(e -> e.field() + "|" + e.code() + "|" + e.message() + "|" + e.textCode() + "|" + e.args()).toList();
        assertEquals(List.of(
                "regions[1]|unknownRegion|'XX-99' is not a region of scheme UA|regionUnknown|[XX-99, UA]",
                "questions[2].max|minNotBelowMax|max must be greater than min|scaleMaxNotAboveMin|[]",
                "questions[5].showIf.anyOf[0]|unknownOption|'nope' is not an option of question 'arrangement'|showIfUnknownOption|[nope, arrangement]"),
                described);
    }

    @Test
    void everyProblemsCodeIsDistinctAndItsArgumentsMatchItsSentence() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (DefinitionProblem p : DefinitionProblem.values()) {
            assertTrue(codes.add(p.code()), p.code());
            Object[] args = new Object[p.arity()];
            java.util.Arrays.fill(args, "v");
            FieldError e = p.at("f", args);
            assertTrue(!e.message().contains("{"), p + ": " + e.message());
        }
        assertEquals("scaleMaxNotAboveMin", DefinitionProblem.SCALE_MAX_NOT_ABOVE_MIN.code());
        assertEquals(2, DefinitionProblem.REGION_UNKNOWN.arity());
    }
}
