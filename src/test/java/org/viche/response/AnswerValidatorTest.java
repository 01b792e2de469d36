package org.viche.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.viche.error.FieldError;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.SurveyDefinition.ShowIf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AnswerValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AnswerValidator validator = new AnswerValidator();

    static Question question(String key, String type, boolean required, List<String> options, Integer maxChoices,
            Integer min, Integer max, Integer maxLength, ShowIf showIf) {
        List<Option> opts = options == null ? null
                : options.stream().map(o -> new Option(o, Map.of("en", o))).toList();
        return new Question(key, type, required, Map.of("en", key), null, opts, maxChoices, min, max, null, null,
                maxLength, showIf);
    }

    static final SurveyDefinition SURVEY = new SurveyDefinition("s", Map.of("en", "S"), null, null, "UA", null, "OPEN",
            List.of(
                    question("arrangement", "SINGLE_CHOICE", true, List.of("sez", "dmz", "return"), null, null, null, null, null),
                    question("guarantees", "MULTIPLE_CHOICE", false, List.of("us", "eu", "un"), 2, null, null, null, null),
                    question("trust", "SCALE", false, null, null, 1, 5, null, null),
                    question("priorities", "RANKING", false, List.of("peace", "integrity", "return"), null, null, null, null, null),
                    question("comment", "TEXT", false, null, null, null, null, 10, null),
                    question("why_sez", "TEXT", false, null, null, null, null, null,
                            new ShowIf("arrangement", List.of("sez")))),
            null, null);

    private AnswerCheck check(String answersJson) throws Exception {
        JsonNode answers = JSON.readTree(answersJson);
        return validator.check(SURVEY, answers);
    }

    private static List<String> codes(AnswerCheck check) {
        return check.errors().stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void acceptsAFullValidAnswerSetAndNormalisesIt() throws Exception {
        AnswerCheck check = check("""
                {"arrangement": "sez", "guarantees": ["us", "eu"], "trust": 4,
                 "priorities": ["peace", "return"], "comment": "  fine  ", "why_sez": "jobs"}""");
        assertTrue(check.isValid(), () -> check.errors().toString());
        assertEquals("fine", check.answers().get("comment").asText(), "text is trimmed");
        assertEquals(4, check.answers().get("trust").intValue());
        assertEquals(List.of("arrangement", "guarantees", "trust", "priorities", "comment", "why_sez"),
                iterate(check.answers().fieldNames()));
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void rejectsMissingRequiredAnswer() throws Exception {
        assertEquals(List.of("answers.arrangement:required"), codes(check("{}")));
        assertEquals(List.of("answers.arrangement:required"), codes(check("{\"arrangement\": null}")));
        assertEquals(List.of("answers.arrangement:required"), codes(check("{\"arrangement\": \"  \"}")));
    }

    @Test
    void treatsMissingAnswersObjectAsNoAnswers() {
        AnswerCheck check = validator.check(SURVEY, null);
        assertEquals(List.of("answers.arrangement:required"), codes(check));
    }

    @Test
    void rejectsAnswersThatAreNotAnObject() throws Exception {
        assertEquals(List.of("answers:notAnObject"), codes(check("[1, 2]")));
    }

    @Test
    void rejectsUnknownOptionAndWrongTypeForSingleChoice() throws Exception {
        assertEquals(List.of("answers.arrangement:notAnOption"), codes(check("{\"arrangement\": \"war\"}")));
        assertEquals(List.of("answers.arrangement:notAnOption"), codes(check("{\"arrangement\": 3}")));
        assertEquals(List.of("answers.arrangement:notAnOption"), codes(check("{\"arrangement\": [\"sez\"]}")));
    }

    @Test
    void multipleChoiceNeedsDistinctKnownOptionsWithinMaxChoices() throws Exception {
        assertEquals(List.of("answers.guarantees:notAList"), codes(check("{\"arrangement\":\"dmz\",\"guarantees\":\"us\"}")));
        assertEquals(List.of("answers.guarantees:duplicateOption"),
                codes(check("{\"arrangement\":\"dmz\",\"guarantees\":[\"us\",\"us\"]}")));
        assertEquals(List.of("answers.guarantees:notAnOption"),
                codes(check("{\"arrangement\":\"dmz\",\"guarantees\":[\"us\",\"mars\"]}")));
        assertEquals(List.of("answers.guarantees:tooManyChoices"),
                codes(check("{\"arrangement\":\"dmz\",\"guarantees\":[\"us\",\"eu\",\"un\"]}")));
        assertTrue(check("{\"arrangement\":\"dmz\",\"guarantees\":[]}").isValid(), "an empty list is no answer");
    }

    @Test
    void rejectsAnswerOutsideScale() throws Exception {
        assertEquals(List.of("answers.trust:outOfScale"), codes(check("{\"arrangement\":\"dmz\",\"trust\":6}")));
        assertEquals(List.of("answers.trust:outOfScale"), codes(check("{\"arrangement\":\"dmz\",\"trust\":0}")));
        assertTrue(check("{\"arrangement\":\"dmz\",\"trust\":1}").isValid());
        assertTrue(check("{\"arrangement\":\"dmz\",\"trust\":5}").isValid());
    }

    @Test
    void rejectsScaleAnswerThatIsNotAWholeNumber() throws Exception {
        assertEquals(List.of("answers.trust:notAnInteger"), codes(check("{\"arrangement\":\"dmz\",\"trust\":\"4\"}")));
        assertEquals(List.of("answers.trust:notAnInteger"), codes(check("{\"arrangement\":\"dmz\",\"trust\":4.5}")));
        assertEquals(List.of("answers.trust:notAnInteger"),
                codes(check("{\"arrangement\":\"dmz\",\"trust\":99999999999999}")));
    }

    @Test
    void rankingAcceptsAPrefixButNotRepeatsOrStrangers() throws Exception {
        assertTrue(check("{\"arrangement\":\"dmz\",\"priorities\":[\"integrity\"]}").isValid());
        assertTrue(check("{\"arrangement\":\"dmz\",\"priorities\":[\"integrity\",\"peace\",\"return\"]}").isValid());
        assertEquals(List.of("answers.priorities:duplicateOption"),
                codes(check("{\"arrangement\":\"dmz\",\"priorities\":[\"peace\",\"peace\"]}")));
        assertEquals(List.of("answers.priorities:notAnOption"),
                codes(check("{\"arrangement\":\"dmz\",\"priorities\":[\"peace\",\"money\"]}")));
        assertEquals(List.of("answers.priorities:notAList"), codes(check("{\"arrangement\":\"dmz\",\"priorities\":\"peace\"}")));
    }

    @Test
    void textMustBeAStringWithinMaxLength() throws Exception {
        assertEquals(List.of("answers.comment:tooLong"), codes(check("{\"arrangement\":\"dmz\",\"comment\":\"12345678901\"}")));
        assertTrue(check("{\"arrangement\":\"dmz\",\"comment\":\"1234567890\"}").isValid());
        assertEquals(List.of("answers.comment:notText"), codes(check("{\"arrangement\":\"dmz\",\"comment\":42}")));
        assertEquals(List.of("answers.comment:invalidCharacter"),
                codes(check("{\"arrangement\":\"dmz\",\"comment\":\"a\\u0000b\"}")));
    }

    @Test
    void countsCharactersNotUtf16UnitsForTextLength() throws Exception {
        // ten emoji are ten characters, twenty UTF-16 units
        String tenEmoji = "\uD83D\uDE00".repeat(10);
        assertTrue(validator.check(SURVEY, JSON.createObjectNode().put("arrangement", "dmz").put("comment", tenEmoji)).isValid());
    }

    @Test
    void conditionalQuestionIsHiddenUnlessItsConditionHolds() throws Exception {
        assertEquals(List.of("answers.why_sez:hiddenQuestion"), codes(check("{\"arrangement\":\"dmz\",\"why_sez\":\"x\"}")));
        assertEquals(List.of("answers.why_sez:hiddenQuestion"), codes(check("{\"arrangement\":\"war\",\"why_sez\":\"x\"}"))
                .subList(1, 2));
        assertTrue(check("{\"arrangement\":\"sez\",\"why_sez\":\"x\"}").isValid());
        assertTrue(check("{\"arrangement\":\"dmz\"}").isValid(), "no answer to a hidden question is fine");
    }

    @Test
    void conditionalOnMultipleChoiceFollowsAnyChosenOption() throws Exception {
        SurveyDefinition survey = new SurveyDefinition("s", Map.of("en", "S"), null, null, "UA", null, null, List.of(
                question("guarantees", "MULTIPLE_CHOICE", false, List.of("us", "eu", "un"), null, null, null, null, null),
                question("why_un", "TEXT", true, null, null, null, null, null, new ShowIf("guarantees", List.of("un")))),
                null, null);
        assertTrue(validator.check(survey, JSON.readTree("{\"guarantees\":[\"us\"]}")).isValid(),
                "a required conditional question is not required while hidden");
        AnswerCheck shown = validator.check(survey, JSON.readTree("{\"guarantees\":[\"us\",\"un\"]}"));
        assertEquals(List.of("answers.why_un:required"), codes(shown));
    }

    @Test
    void rejectsUnknownQuestionKeys() throws Exception {
        assertEquals(List.of("answers.mood:unknownQuestion"), codes(check("{\"arrangement\":\"dmz\",\"mood\":\"good\"}")));
    }

    @Test
    void reportsEveryProblemAtOnce() throws Exception {
        AnswerCheck check = check("{\"trust\": 9, \"guarantees\": [\"x\"], \"extra\": 1}");
        assertFalse(check.isValid());
        List<String> fields = check.errors().stream().map(FieldError::field).sorted().toList();
        assertEquals(List.of("answers.arrangement", "answers.extra", "answers.guarantees", "answers.trust"), fields);
    }
}
