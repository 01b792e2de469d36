package org.viche.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.viche.error.FieldError;
import org.viche.region.RegionCatalog;
import org.viche.survey.QuestionType;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinitionValidator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class DemoSurveyDefinitionTest {

    static SurveyDefinition demo() throws Exception {
        try (InputStream in = DemoSurveyDefinitionTest.class.getClassLoader().getResourceAsStream(DemoSurveyLoader.RESOURCE)) {
            return new ObjectMapper().registerModule(new JavaTimeModule()).readValue(in, SurveyDefinition.class);
        }
    }

    @Test
    void demoSurveyIsValidInEveryLanguage() throws Exception {
        List<FieldError> errors = new SurveyDefinitionValidator(RegionCatalog.bundled()).validate(demo());
        assertEquals(List.of(), errors);
    }

    /** The README's tour posts this file: it must stay a valid definition. */
    @Test
    void readmeExampleSurveyIsValid() throws Exception {
        SurveyDefinition example = new ObjectMapper().readValue(java.nio.file.Path.of("docs/example-survey.json").toFile(),
                SurveyDefinition.class);
        assertEquals(List.of(), new SurveyDefinitionValidator(RegionCatalog.bundled()).validate(example));
        assertEquals("my-survey", example.slug());
    }

    @Test
    void demoSurveyAsksWhatTheProductDescribes() throws Exception {
        SurveyDefinition demo = demo();
        assertTrue(demo.title().get("en").contains("Demo"), "the demo must be clearly marked as one");
        assertEquals(List.of("uk", "ru", "en"), demo.effectiveLanguages());
        assertEquals(QuestionType.SINGLE_CHOICE, demo.question("arrangement").orElseThrow().questionType());
        assertEquals(3, demo.question("guarantees").orElseThrow().maxChoices());
        assertEquals(QuestionType.SCALE, demo.question("trust").orElseThrow().questionType());
        assertEquals(5, demo.question("priorities").orElseThrow().optionList().size());
        assertEquals(QuestionType.TEXT, demo.question("comment").orElseThrow().questionType());
    }
}
