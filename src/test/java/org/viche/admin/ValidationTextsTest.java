package org.viche.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.viche.error.FieldError;
import org.viche.survey.DefinitionProblem;
import org.viche.survey.SurveyDefinition;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every problem the definition validator can report, and every one the console finds itself,
 * has its sentence in each console language, taking exactly the values the problem carries.
 */
@QuarkusTest
class ValidationTextsTest {

    /** The console's own problems (file, JSON, date) with how many values each takes. */
    private static final List<Object[]> OWN = List.of(new Object[] { "notJson", 0 }, new Object[] { "notADate", 0 },
            new Object[] { "fileTooLarge", 1 }, new Object[] { "fileEmpty", 0 }, new Object[] { "fileNotUtf8", 0 });

    private static List<Object[]> problems() {
        List<Object[]> problems = new ArrayList<>(OWN);
        for (DefinitionProblem p : DefinitionProblem.values()) {
            problems.add(new Object[] { p.code(), p.arity() });
        }
        return problems;
    }

    @Test
    void everyProblemHasATextMethodTakingItsValues() {
        List<String> wrong = new ArrayList<>();
        for (Object[] problem : problems()) {
            String name = "admin_validation_" + problem[0];
            List<Method> methods = Arrays.stream(ConsoleMessages.class.getMethods()).filter(m -> m.getName().equals(name)).toList();
            if (methods.size() != 1 || methods.get(0).getParameterCount() != (int) problem[1]) {
                wrong.add(name + " with " + problem[1] + " values: " + methods);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyProblemIsShownInEveryLanguageWithItsValues() {
        List<String> wrong = new ArrayList<>();
        for (String language : SurveyDefinition.SUPPORTED_LANGUAGES) {
            ConsoleMessages msg = MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(language));
            for (Object[] problem : problems()) {
                String code = (String) problem[0];
                List<String> values = IntStream.range(0, (int) problem[1]).mapToObj(i -> "value" + i + "-" + code).toList();
                FieldError error = new FieldError("field", "reason", "english", code, values);
                String text = ConsoleErrors.text(msg, error);
                if (text == null || text.contains("english") || !values.stream().allMatch(text::contains)) {
                    wrong.add(language + ": " + code + " = " + text);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aCodeWithoutATextKeepsTheServicesEnglish() {
        ConsoleMessages msg = MessageBundles.get(ConsoleMessages.class, Localized.Literal.of("uk"));
        FieldError unknown = new FieldError("field", "reason", "in English", "noSuchCode", List.of());
        FieldError plain = new FieldError("field", "reason", "also in English");
        assertEquals(List.of(unknown, plain), ConsoleErrors.in(msg, List.of(unknown, plain)));
        FieldError translated = ConsoleErrors.in(msg, List.of(DefinitionProblem.TEXT_TOO_LONG.at("title", 200))).get(0);
        assertEquals("Довше за 200 символів.", translated.message());
        assertEquals("title", translated.field());
    }
}
