package org.viche.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.viche.error.ApiException;
import org.viche.error.FieldError;
import org.viche.error.ServiceProblem;
import org.viche.survey.DefinitionProblem;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyStatus;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every problem the definition validator can report, every refusal of the authoring services
 * ({@link ServiceProblem}) and every one the console finds itself has its sentence in each console language, taking exactly the values the problem carries.
 */
@QuarkusTest
class ValidationTextsTest {

    /** The console's own problems (file, JSON, date) with how many values each takes. */
    private static final List<Object[]> OWN = List.of(new Object[] { "notJson", 0 }, new Object[] { "notADate", 0 },
            new Object[] { "fileTooLarge", 1 }, new Object[] { "fileEmpty", 0 }, new Object[] { "fileNotUtf8", 0 });

    /** Each problem as { its text method, its code, how many values it takes }. */
    private static List<Object[]> problems() {
        List<Object[]> problems = new ArrayList<>();
        for (Object[] own : OWN) {
            problems.add(new Object[] { "admin_validation_" + own[0], own[0], own[1] });
        }
        for (DefinitionProblem p : DefinitionProblem.values()) {
            problems.add(new Object[] { "admin_validation_" + p.code(), p.code(), p.arity() });
        }
        // The services' refusals (a slug taken, a survey in the wrong state, a token or code request refused).
        for (ServiceProblem p : ServiceProblem.values()) {
            problems.add(new Object[] { "admin_refusal_" + p.code(), p.code(), p.arity() });
        }
        return problems;
    }

    @Test
    void everyProblemHasATextMethodTakingItsValues() {
        List<String> wrong = new ArrayList<>();
        for (Object[] problem : problems()) {
            String name = (String) problem[0];
            List<Method> methods = Arrays.stream(ConsoleMessages.class.getMethods()).filter(m -> m.getName().equals(name)).toList();
            if (methods.size() != 1 || methods.get(0).getParameterCount() != (int) problem[2]) {
                wrong.add(name + " with " + problem[2] + " values: " + methods);
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
                String code = (String) problem[1];
                List<String> values = IntStream.range(0, (int) problem[2]).mapToObj(i -> "value" + i + "-" + code).toList();
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

    @Test
    void aServiceRefusalKeepsItsEnglishForTheApiAndIsTranslatedInTheConsole() {
        ApiException taken = ServiceProblem.SLUG_TAKEN.conflict("town-budget");
        assertEquals(409, taken.status());
        assertEquals("A survey with slug 'town-budget' already exists.", taken.getMessage());
        assertEquals(null, taken.toProblem().errors(), "a conflict publishes no field list");
        ConsoleMessages ru = MessageBundles.get(ConsoleMessages.class, Localized.Literal.of("ru"));
        ApiException closed = ServiceProblem.CLOSE_NOT_OPEN.conflict("town-budget", SurveyStatus.DRAFT);
        assertEquals("Survey 'town-budget' is DRAFT; only an OPEN survey can be closed.", closed.getMessage());
        assertEquals("Опрос «town-budget» в состоянии «Черновик». Закрыть можно только открытый опрос.",
                ConsoleErrors.in(ru, closed.problems()).get(0).message());
    }
}
