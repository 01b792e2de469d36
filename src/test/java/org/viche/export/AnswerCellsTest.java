package org.viche.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.viche.region.RegionCatalog;

import com.fasterxml.jackson.databind.ObjectMapper;

class AnswerCellsTest {

    private static List<String> cells(String answers) throws Exception {
        Codebook codebook = Codebooks.build(CodebooksTest.survey(CodebooksTest.DEFINITION), RegionCatalog.bundled().scheme("UA"));
        List<Variable> questionColumns = codebook.variables().stream().filter(v -> v.question() != null).toList();
        List<String> cells = new ArrayList<>();
        AnswerCells.append(questionColumns, new ObjectMapper().readTree(answers), cells);
        return cells;
    }

    @Test
    void everyTypeIsEncodedAsTheCodebookSays() throws Exception {
        // arrangement, guarantees_us, guarantees_eu, trust, priorities_peace/_return/_jobs, comment, region_2, guarantees_us_2
        assertEquals(List.of("dmz", "0", "1", "0", "2", "", "1", "a, \"quoted\"\nline", "east", "3"),
                cells("""
                        {"arrangement": "dmz", "guarantees": ["eu"], "trust": 0, "priorities": ["jobs", "peace"],
                         "comment": "a, \\"quoted\\"\\nline", "region": "east", "guarantees_us": 3}
                        """));
    }

    @Test
    void unansweredQuestionsLeaveAllTheirColumnsEmpty() throws Exception {
        assertEquals(List.of("sez", "", "", "", "", "", "", "", "", ""), cells("{\"arrangement\": \"sez\"}"));
    }

    @Test
    void formulaLookingTextIsKeptVerbatim() throws Exception {
        assertEquals("=HYPERLINK(\"x\")", cells("{\"comment\": \"=HYPERLINK(\\\"x\\\")\"}").get(7));
    }
}
