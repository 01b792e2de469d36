package org.viche.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.viche.survey.DefinitionProblem;

/**
 * Every problem the definition validator can report, and every one the console finds itself,
 * has its sentence in each console language, taking exactly the values the problem carries.
 */
class ValidationTextsTest {

    /** The console's own problems (file, JSON, date) with how many values each takes. */
    private static final List<Object[]> OWN = List.of(new Object[] { "notJson", 0 }, new Object[] { "notADate", 0 },
            new Object[] { "fileTooLarge", 1 }, new Object[] { "fileEmpty", 0 }, new Object[] { "fileNotUtf8", 0 });

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void everyProblemHasItsSentenceWithItsValuesInEveryLanguage() throws IOException {
        List<Object[]> problems = new ArrayList<>(OWN);
        for (DefinitionProblem p : DefinitionProblem.values()) {
            problems.add(new Object[] { p.code(), p.arity() });
        }
        List<String> wrong = new ArrayList<>();
        for (String language : List.of("uk", "ru", "en")) {
            Properties bundle = bundle(language);
            for (Object[] problem : problems) {
                String key = ConsoleErrors.PREFIX + problem[0];
                String text = bundle.getProperty(key);
                Set<String> expected = new TreeSet<>(IntStream.range(0, (int) problem[1]).mapToObj(i -> "{" + i + "}").toList());
                if (text == null || !placeholders(text).equals(expected)) {
                    wrong.add(language + ": " + key + " = " + text);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static Properties bundle(String language) throws IOException {
        try (InputStream in = ValidationTextsTest.class.getClassLoader().getResourceAsStream("messages/web_" + language + ".properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(MatchResult::group).collect(Collectors.toCollection(TreeSet::new));
    }
}
