package org.viche.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PropertyResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;

import org.viche.survey.SurveyDefinition;

/**
 * Loads {@code messages/web_<lang>.properties} once per language. The files are read
 * explicitly as UTF-8 and without {@link java.util.ResourceBundle}'s locale fallback chain,
 * so a page never silently mixes in texts of the JVM's default locale.
 */
@ApplicationScoped
public class MessageCatalog {

    static final String PATH = "messages/web_%s.properties";

    private final Map<String, Messages> byLanguage = new LinkedHashMap<>();

    MessageCatalog() {
        for (String language : SurveyDefinition.SUPPORTED_LANGUAGES) {
            byLanguage.put(language, load(language));
        }
    }

    public Messages of(String language) {
        Messages messages = byLanguage.get(language);
        return messages != null ? messages : byLanguage.get(LanguageResolver.DEFAULT);
    }

    static Messages load(String language) {
        String path = String.format(PATH, language);
        try (InputStream in = MessageCatalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Message bundle missing: " + path);
            }
            return new Messages(language, new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Message bundle unreadable: " + path, e);
        }
    }
}
