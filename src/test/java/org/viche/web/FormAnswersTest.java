package org.viche.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;
import org.viche.error.FieldError;
import org.viche.survey.SurveyDefinition;

import com.fasterxml.jackson.databind.ObjectMapper;

class FormAnswersTest {

    private static final SurveyDefinition SURVEY = survey();

    private static SurveyDefinition survey() {
        String json = """
                {"slug": "t", "title": {"en": "T"}, "regionScheme": "UA", "questions": [
                  {"key": "pick", "type": "SINGLE_CHOICE", "text": {"en": "?"}, "options": [{"key": "a", "text": {"en": "A"}}]},
                  {"key": "many", "type": "MULTIPLE_CHOICE", "text": {"en": "?"}, "options": [{"key": "a", "text": {"en": "A"}}, {"key": "b", "text": {"en": "B"}}]},
                  {"key": "scale", "type": "SCALE", "min": 1, "max": 5, "text": {"en": "?"}},
                  {"key": "rank", "type": "RANKING", "text": {"en": "?"}, "options": [{"key": "a", "text": {"en": "A"}}, {"key": "b", "text": {"en": "B"}}, {"key": "c", "text": {"en": "C"}}]},
                  {"key": "note", "type": "TEXT", "text": {"en": "?"}}
                ]}""";
        try {
            return new ObjectMapper().readValue(json, SurveyDefinition.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static FormAnswers.Conversion convert(MultivaluedMap<String, String> form) {
        return FormAnswers.convert(SURVEY, form);
    }

    @Test
    void rankingIsOrderedByChosenPositionAndGapsAreClosed() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("answers.rank.a", "3");
        form.add("answers.rank.b", "");
        form.add("answers.rank.c", "1");
        FormAnswers.Conversion c = convert(form);
        assertEquals(List.of(), c.errors());
        assertEquals("[\"c\",\"a\"]", c.answers().get("rank").toString());
    }

    @Test
    void twoOptionsAtTheSamePositionAreADuplicateRank() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("answers.rank.a", "1");
        form.add("answers.rank.b", "1");
        FormAnswers.Conversion c = convert(form);
        assertEquals(List.of("duplicateRank"), c.errors().stream().map(FieldError::code).toList());
        assertEquals("answers.rank", c.errors().get(0).field());
        assertNull(c.answers().get("rank"));
    }

    @Test
    void aPositionOutsideTheListIsRefused() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("answers.rank.a", "4");
        form.add("answers.rank.b", "x");
        assertEquals(List.of("invalidRank", "invalidRank"), convert(form).errors().stream().map(FieldError::code).toList());
    }

    @Test
    void aScaleValueThatIsNotANumberIsNotAnInteger() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("answers.scale", "four");
        FormAnswers.Conversion c = convert(form);
        assertEquals("notAnInteger", c.errors().get(0).code());
        form.putSingle("answers.scale", "4");
        assertEquals(4, convert(form).answers().get("scale").intValue());
    }

    @Test
    void choicesBecomeAStringOrAList() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("answers.pick", "a");
        form.addAll("answers.many", "a", "b");
        FormAnswers.Conversion c = convert(form);
        assertTrue(c.answers().get("pick").isTextual());
        assertEquals("[\"a\",\"b\"]", c.answers().get("many").toString());
    }

    @Test
    void blankFieldsAreNotAnswers() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("answers.pick", "");
        form.add("answers.scale", " ");
        form.add("answers.note", "   ");
        FormAnswers.Conversion c = convert(form);
        assertEquals(0, c.answers().size());
        assertTrue(c.errors().isEmpty());
    }

    @Test
    void browserLineBreaksCountAsOneCharacter() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("answers.note", "one\r\ntwo");
        assertEquals("one\ntwo", convert(form).answers().get("note").asText());
    }

    @Test
    void fieldsOfOtherSurveysAreIgnored() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("answers.unknown", "x");
        assertFalse(convert(form).answers().has("unknown"));
    }
}
