package org.viche.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.viche.region.RegionCatalog;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveySnapshot;
import org.viche.survey.SurveyStatus;

import com.fasterxml.jackson.databind.ObjectMapper;

class CodebooksTest {

    static final String DEFINITION = """
            {"slug": "cb", "title": {"en": "Codebook test", "uk": "Тест"}, "languages": ["uk", "en"],
             "regionScheme": "UA", "regions": ["UA-14", "UA-09"],
             "questions": [
               {"key": "arrangement", "type": "SINGLE_CHOICE", "required": true, "text": {"en": "Arrangement?", "uk": "Устрій?"},
                "options": [{"key": "sez", "text": {"en": "SEZ", "uk": "СЕЗ"}}, {"key": "dmz", "text": {"en": "DMZ"}}]},
               {"key": "guarantees", "type": "MULTIPLE_CHOICE", "text": {"en": "Guarantees?"},
                "options": [{"key": "us", "text": {"en": "US"}}, {"key": "eu", "text": {"en": "EU"}}]},
               {"key": "trust", "type": "SCALE", "min": 0, "max": 10, "text": {"en": "Trust?"},
                "minLabel": {"en": "none"}, "maxLabel": {"en": "full"}},
               {"key": "priorities", "type": "RANKING", "text": {"en": "Priorities?"},
                "options": [{"key": "peace", "text": {"en": "Peace"}}, {"key": "return", "text": {"en": "Return"}},
                            {"key": "jobs", "text": {"en": "Jobs"}}]},
               {"key": "comment", "type": "TEXT", "text": {"en": "Comment?"}},
               {"key": "region", "type": "SINGLE_CHOICE", "text": {"en": "Your region?"},
                "options": [{"key": "east", "text": {"en": "East"}}]},
               {"key": "guarantees_us", "type": "SCALE", "min": 1, "max": 3, "text": {"en": "Trust the US?"}}
             ]}
            """;

    static SurveySnapshot survey(String definition) throws Exception {
        SurveyDefinition d = new ObjectMapper().readValue(definition, SurveyDefinition.class);
        return new SurveySnapshot(7, d.slug(), SurveyStatus.OPEN, false, d, d.regions(), null, null, null);
    }

    private static Codebook codebook() throws Exception {
        return Codebooks.build(survey(DEFINITION), RegionCatalog.bundled().scheme("UA"));
    }

    private static Variable variable(Codebook codebook, String name) {
        return codebook.variables().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void fixedColumnsComeFirstThenEveryQuestionsColumnsInSurveyOrder() throws Exception {
        assertEquals(List.of("response_id", "region", "language", "channel", "submitted_on", "weight",
                "arrangement", "guarantees_us", "guarantees_eu", "trust", "priorities_peace", "priorities_return",
                "priorities_jobs", "comment", "region_2", "guarantees_us_2"),
                codebook().variables().stream().map(Variable::name).toList());
    }

    @Test
    void clashingNamesAreRenamedAndTheQuestionSaysWhichColumnsAreItsOwn() throws Exception {
        Codebook codebook = codebook();
        assertEquals("region", variable(codebook, "region_2").question());
        assertEquals(List.of("guarantees_us_2"), codebook.questions().stream()
                .filter(q -> q.key().equals("guarantees_us")).findFirst().orElseThrow().columns());
        assertNull(variable(codebook, "region").question(), "the fixed column keeps its name");
    }

    @Test
    void choiceColumnsListOptionCodesAndLabelsInEveryLanguage() throws Exception {
        Variable arrangement = variable(codebook(), "arrangement");
        assertEquals("string", arrangement.type());
        assertEquals("Устрій?", arrangement.label().get("uk"));
        assertEquals("sez", arrangement.values().get(0).code());
        assertEquals("СЕЗ", arrangement.values().get(0).label().get("uk"));
    }

    @Test
    void multipleChoiceIsOneZeroOneColumnPerOption() throws Exception {
        Variable us = variable(codebook(), "guarantees_us");
        assertEquals("integer", us.type());
        assertEquals("us", us.option());
        assertEquals("US", us.optionLabel().get("en"));
        assertEquals(0, us.minimum());
        assertEquals(1, us.maximum());
        assertEquals(List.of("1", "0"), us.values().stream().map(Variable.Value::code).toList());
    }

    @Test
    void rankingIsOnePositionColumnPerOptionFromOneToM() throws Exception {
        Variable jobs = variable(codebook(), "priorities_jobs");
        assertEquals("integer", jobs.type());
        assertEquals(1, jobs.minimum());
        assertEquals(3, jobs.maximum());
    }

    @Test
    void scaleIsTheValueWithItsRangeAndEndLabels() throws Exception {
        Variable trust = variable(codebook(), "trust");
        assertEquals(0, trust.minimum());
        assertEquals(10, trust.maximum());
        assertEquals("none", trust.values().get(0).label().get("en"));
        assertEquals("10", trust.values().get(1).code());
    }

    @Test
    void textIsMarkedAsExportedOnlyOnRequest() throws Exception {
        Codebook codebook = codebook();
        assertTrue(variable(codebook, "comment").isText());
        assertEquals(1, codebook.variables().stream().filter(Variable::isText).count());
    }

    @Test
    void fixedColumnsAreLabelledAndRegionsNamedFromTheScheme() throws Exception {
        Codebook codebook = codebook();
        assertEquals("date", variable(codebook, "submitted_on").type());
        assertEquals("number", variable(codebook, "weight").type());
        Variable region = variable(codebook, "region");
        assertEquals(List.of("UA-14", "UA-09"), region.values().stream().map(Variable.Value::code).toList());
        assertEquals("Donetsk Oblast", region.values().get(0).label().get("en"));
        assertEquals(List.of("uk", "en"), variable(codebook, "language").values().stream().map(Variable.Value::code).toList());
        assertEquals(Optional.of("Регіон проживання"), Optional.ofNullable(region.label().get("uk")));
    }
}
