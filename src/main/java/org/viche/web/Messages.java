package org.viche.web;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible texts of one language, as templates and view builders see them.
 *
 * <p>Placeholders are {@code {0}}, {@code {1}}… replaced literally. {@link java.text.MessageFormat}
 * is avoided on purpose: it treats the apostrophe as a quote character, and Ukrainian spells
 * words with it ({@code обов'язково}), so translators would have to double every one.
 */
public final class Messages {

    private final String language;
    private final ResourceBundle bundle;

    Messages(String language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    /**
     * The texts of {@code language} (uk, ru or en; anything else gets the default), for the
     * disclosure sentences that the JSON and the data package must word exactly as the page does.
     */
    public static Messages of(String language) {
        return SHARED.of(language);
    }

    private static final MessageCatalog SHARED = new MessageCatalog();

    public String language() {
        return language;
    }

    /** The text for {@code key}; a missing key shows as {@code ??key??} (MessageBundlesTest prevents it). */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "??" + key + "??";
        }
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
