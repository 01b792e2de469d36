package org.viche.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Fails the build when a text is missing or empty in one of the page languages, when a
 * translator dropped a placeholder, when a page uses a key no bundle has, or when the answer
 * validator learns an error code the pages cannot translate.
 */
class MessageBundlesTest {

    private static final List<String> LANGUAGES = List.of("uk", "ru", "en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    /** {@code new FieldError(field, "code", …)}: the code is the second argument. */
    private static final Pattern FIELD_ERROR_CODE = Pattern.compile("new FieldError\\(\\s*[^,]+,\\s*\"(\\w+)\"");
    /** Keys used literally: {@code msg.get('key')} in templates, {@code msg.get("key")} / {@code msg.format("key"} in Java. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("msg\\.(?:get|format)\\('([^']+)'");
    private static final Pattern JAVA_KEY = Pattern.compile("msg\\.(?:get|format|has)\\(\"([^\"]+)\"");

    private static final Path MAIN = Path.of("src", "main");

    private static Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> bundles = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String path = "messages/web_" + language + ".properties";
            try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    fail("missing bundle " + path);
                }
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                bundles.put(language, properties);
            }
        }
        return bundles;
    }

    @Test
    void everyKeyExistsInEveryLanguage() throws IOException {
        Map<String, Properties> bundles = bundles();
        Set<String> allKeys = new TreeSet<>();
        bundles.values().forEach(p -> allKeys.addAll(p.stringPropertyNames()));
        List<String> missing = new ArrayList<>();
        bundles.forEach((language, p) -> allKeys.stream().filter(k -> !p.containsKey(k))
                .forEach(k -> missing.add(language + ": " + k)));
        assertEquals(List.of(), missing, "keys missing in some languages");
    }

    @Test
    void ukrainianUsesOneApostrophe() throws IOException {
        List<String> ascii = new ArrayList<>();
        bundles().get("uk").forEach((key, text) -> {
            if (text.toString().matches("(?s).*\\p{L}'\\p{L}.*")) {
                ascii.add(key.toString());
            }
        });
        assertEquals(List.of(), ascii, "uk writes the apostrophe as ’ (U+2019) everywhere");
    }

    @Test
    void noTextIsBlank() throws IOException {
        List<String> blank = new ArrayList<>();
        bundles().forEach((language, p) -> p.stringPropertyNames().stream()
                .filter(k -> p.getProperty(k).isBlank()).forEach(k -> blank.add(language + ": " + k)));
        assertEquals(List.of(), blank);
    }

    @Test
    void everyTranslationKeepsThePlaceholdersOfTheOthers() throws IOException {
        Map<String, Properties> bundles = bundles();
        List<String> mismatched = new ArrayList<>();
        for (String key : bundles.get("en").stringPropertyNames()) {
            Set<String> expected = placeholders(bundles.get("en").getProperty(key));
            bundles.forEach((language, p) -> {
                if (p.containsKey(key) && !placeholders(p.getProperty(key)).equals(expected)) {
                    mismatched.add(language + ": " + key);
                }
            });
        }
        assertEquals(List.of(), mismatched);
    }

    @Test
    void everyErrorCodeThePagesTranslateHasATextInEveryLanguage() throws IOException {
        List<String> missing = new ArrayList<>();
        bundles().forEach((language, p) -> ErrorTexts.TRANSLATED_CODES.stream()
                .filter(code -> !p.containsKey("error." + code)).forEach(code -> missing.add(language + ": error." + code)));
        assertEquals(List.of(), missing);
    }

    @Test
    void everyErrorCodeTheValidatorAndFormCanEmitIsTranslated() throws IOException {
        Set<String> emitted = new TreeSet<>();
        for (String source : List.of("java/org/viche/response/AnswerValidator.java",
                "java/org/viche/response/ResponseService.java",
                "java/org/viche/web/FormAnswers.java",
                "java/org/viche/web/SurveyFormResource.java")) {
            Matcher m = FIELD_ERROR_CODE.matcher(Files.readString(MAIN.resolve(source)));
            while (m.find()) {
                emitted.add(m.group(1));
            }
        }
        assertTrue(emitted.containsAll(List.of("required", "outOfScale", "unknownRegion", "duplicateRank")),
                "the source scan no longer finds the codes it should; found " + emitted);
        Set<String> untranslated = new TreeSet<>(emitted);
        untranslated.removeAll(ErrorTexts.TRANSLATED_CODES);
        assertEquals(Set.of(), untranslated, "add these codes to ErrorTexts.TRANSLATED_CODES and the bundles");
    }

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Properties en = bundles().get("en");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(MAIN.resolve("resources/templates"))) {
            for (Path t : templates.filter(Files::isRegularFile).toList()) {
                collect(TEMPLATE_KEY, Files.readString(t), used);
            }
        }
        try (Stream<Path> sources = Files.walk(MAIN.resolve("java/org/viche/web"))) {
            for (Path s : sources.filter(Files::isRegularFile).toList()) {
                collect(JAVA_KEY, Files.readString(s), used);
            }
        }
        assertTrue(used.size() > 40, "the key scan found too little: " + used);
        Set<String> missing = new TreeSet<>(used);
        // A key ending in "." is the prefix of a computed key (error page per status): checked below.
        missing.removeIf(k -> en.containsKey(k) || k.endsWith("."));
        assertEquals(Set.of(), missing);
        for (String fallback : List.of("4xx", "500")) {
            assertTrue(en.containsKey("errorpage.title." + fallback) && en.containsKey("errorpage.text." + fallback));
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
