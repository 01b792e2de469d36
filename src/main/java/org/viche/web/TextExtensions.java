package org.viche.web;

import java.util.Map;

import io.quarkus.qute.TemplateExtension;

/**
 * Picks the text of a survey's multilingual field ({@code {"uk": …, "en": …}}) for the page
 * language. Authors must translate every text into each language the survey offers, but a
 * survey listed on a page in another language (or an optional text) needs a fallback: the
 * survey's first language, else whatever text exists, in the author's order.
 */
@TemplateExtension
public final class TextExtensions {

    private TextExtensions() {
    }

    /** {@code {survey.title.localized(lang)}}: the page language, else the first text the author wrote. */
    public static String localized(Map<String, String> texts, String lang) {
        return localized(texts, lang, null);
    }

    /** {@code {survey.title.localized(lang, firstLanguage)}}: the page language, else the survey's first. */
    public static String localized(Map<String, String> texts, String lang, String fallback) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        String text = texts.get(lang);
        if (isPresent(text)) {
            return text;
        }
        if (fallback != null && isPresent(texts.get(fallback))) {
            return texts.get(fallback);
        }
        return texts.values().stream().filter(TextExtensions::isPresent).findFirst().orElse("");
    }

    /** The language {@link #localized(Map, String, String)} will actually show, for a {@code lang} attribute. */
    static String languageShown(Map<String, String> texts, String lang, String fallback) {
        if (texts == null || isPresent(texts.get(lang))) {
            return lang;
        }
        if (fallback != null && isPresent(texts.get(fallback))) {
            return fallback;
        }
        return texts.entrySet().stream().filter(e -> isPresent(e.getValue())).map(Map.Entry::getKey)
                .findFirst().orElse(lang);
    }

    private static boolean isPresent(String text) {
        return text != null && !text.isBlank();
    }
}
