package org.viche.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.viche.survey.SurveyDefinition;

import io.quarkus.test.junit.QuarkusTest;

/** The typed bundles as Java code and pages get them: one per language, numbers agreeing with nouns. */
@QuarkusTest
class PageMessagesTest {

    @Test
    void eachLanguageGetsItsOwnTexts() {
        assertEquals("uk", PageTexts.of("uk").language());
        assertEquals("ru", PageTexts.of("ru").language());
        assertEquals("en", PageTexts.of("en").language());
        assertEquals("uk", PageTexts.of("de").language(), "an unknown language gets the default");
        assertNotEquals(PageTexts.of("uk").form_submit(), PageTexts.of("en").form_submit());
    }

    @Test
    void everyErrorCodeThePagesTranslateHasATextInEveryLanguage() {
        List<String> missing = new ArrayList<>();
        for (String language : SurveyDefinition.SUPPORTED_LANGUAGES) {
            PageMessages msg = PageTexts.of(language);
            ErrorTexts.TRANSLATED_CODES.stream().filter(code -> ErrorTexts.plain(code, msg) == null)
                    .forEach(code -> missing.add(language + ": " + code));
        }
        assertEquals(List.of(), missing);
        assertEquals(null, ErrorTexts.plain("noSuchCode", PageTexts.of("en")));
    }

    @Test
    void countsAgreeWithTheirNouns() {
        assertEquals("as precise as 1 answer", PageTexts.of("en").results_neff("1", 1));
        assertEquals("as precise as 12 answers", PageTexts.of("en").results_neff("12", 12));
        assertEquals("точність як у 1 відповіді", PageTexts.of("uk").results_neff("1", 1));
        assertEquals("точность как у 5 ответов", PageTexts.of("ru").results_neff("5", 5));
        assertEquals("Оберіть не більше 1 варіанта.", PageTexts.of("uk").error_tooManyChoices(1));
        assertEquals("Оберіть не більше 3 варіантів.", PageTexts.of("uk").error_tooManyChoices(3));
        assertEquals("Choose at most 1 option.", PageTexts.of("en").error_tooManyChoices(1));
        assertNotNull(PageTexts.of("ru").results_suppressed(2));
        assertEquals(true, PageTexts.of("uk").results_suppressed(2).contains("менше ніж 2 відповіді "));
        assertEquals(true, PageTexts.of("uk").results_suppressed(5).contains("менше ніж 5 відповідей "));
    }
}
