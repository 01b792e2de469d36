package org.viche.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What the build's own check of the message bundles (a key a template or an interface misses
 * fails it) leaves to a test: the three languages of each bundle hold the same keys, each file
 * says which language it is, no text is blank, Ukrainian writes one apostrophe (’), and no line
 * relies on what Qute does not read (\\u escapes, leading blanks). The files are read as Qute
 * reads them: plain UTF-8 lines.
 */
class MessageFilesTest {

    private static final List<String> LANGUAGES = List.of("uk", "ru", "en");
    private static final List<String> BUNDLES = List.of("msg", "console");
    private static final Path MESSAGES = Path.of("src", "main", "resources", "messages");
    /** {@code new FieldError(field, "code", …)}: the code is the second argument. */
    private static final Pattern FIELD_ERROR_CODE = Pattern.compile("new FieldError\\(\\s*[^,]+,\\s*\"(\\w+)\"");

    /** key → raw text (after '='), in file order. */
    private static Map<String, String> read(String bundle, String language) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MESSAGES.resolve(bundle + "_" + language + ".properties"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            assertTrue(eq > 0, bundle + "_" + language + ": not a key=text line: " + line);
            texts.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
        return texts;
    }

    @Test
    void everyKeyExistsInEveryLanguage() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String bundle : BUNDLES) {
            Set<String> all = new TreeSet<>();
            Map<String, Set<String>> keys = new LinkedHashMap<>();
            for (String language : LANGUAGES) {
                keys.put(language, read(bundle, language).keySet());
                all.addAll(keys.get(language));
            }
            assertTrue(all.size() > 100, bundle + ": too few keys read: " + all.size());
            keys.forEach((language, have) -> all.stream().filter(k -> !have.contains(k))
                    .forEach(k -> missing.add(bundle + "_" + language + ": " + k)));
        }
        assertEquals(List.of(), missing, "keys missing in some languages");
    }

    @Test
    void eachFileNamesItsOwnLanguage() throws IOException {
        for (String bundle : BUNDLES) {
            for (String language : LANGUAGES) {
                assertEquals(language, read(bundle, language).get("language"), bundle + "_" + language);
            }
        }
    }

    @Test
    void noTextIsBlankOrUsesWhatQuteDoesNotRead() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String bundle : BUNDLES) {
            for (String language : LANGUAGES) {
                read(bundle, language).forEach((key, text) -> {
                    if (text.isBlank() || !text.equals(text.stripLeading()) || text.contains("\\u")) {
                        wrong.add(bundle + "_" + language + ": " + key);
                    }
                });
            }
        }
        assertEquals(List.of(), wrong, "blank, leading blanks (dropped by Qute) or a \\u escape (shown as is)");
    }

    @Test
    void ukrainianUsesOneApostrophe() throws IOException {
        List<String> ascii = new ArrayList<>();
        for (String bundle : BUNDLES) {
            read(bundle, "uk").forEach((key, text) -> {
                if (text.matches("(?s).*\\p{L}['`ʼ]\\p{L}.*")) {
                    ascii.add(bundle + "_uk: " + key);
                }
            });
        }
        assertEquals(List.of(), ascii, "uk writes the apostrophe as ’ (U+2019) everywhere");
    }

    @Test
    void theApostropheCheckCatchesAnAsciiApostrophe() {
        assertTrue("обов'язково".matches("(?s).*\\p{L}['`ʼ]\\p{L}.*"));
        assertTrue(!"обов’язково".matches("(?s).*\\p{L}['`ʼ]\\p{L}.*"));
    }

    @Test
    void everyErrorCodeTheValidatorAndFormCanEmitIsTranslated() throws IOException {
        Set<String> emitted = new TreeSet<>();
        Path main = Path.of("src", "main");
        for (String source : List.of("java/org/viche/response/AnswerValidator.java",
                "java/org/viche/response/ResponseService.java",
                "java/org/viche/web/FormAnswers.java",
                "java/org/viche/web/SurveyFormResource.java")) {
            Matcher m = FIELD_ERROR_CODE.matcher(Files.readString(main.resolve(source)));
            while (m.find()) {
                emitted.add(m.group(1));
            }
        }
        assertTrue(emitted.containsAll(List.of("required", "outOfScale", "unknownRegion", "duplicateRank")),
                "the source scan no longer finds the codes it should; found " + emitted);
        Set<String> untranslated = new TreeSet<>(emitted);
        untranslated.removeAll(ErrorTexts.TRANSLATED_CODES);
        assertEquals(Set.of(), untranslated, "add these codes to ErrorTexts.TRANSLATED_CODES and its switch");
    }
}
