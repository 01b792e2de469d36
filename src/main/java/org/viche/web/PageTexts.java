package org.viche.web;

import java.util.Locale;

import org.viche.survey.SurveyDefinition;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The one way Java code and page rendering pick a language's texts: {@link PageMessages} for a
 * language code, and the locale a template instance must carry so that its {@code {msg:…}}
 * expressions (and those of every tag it includes) speak the page language.
 */
public final class PageTexts {

    private PageTexts() {
    }

    /** The texts of {@code language} (uk, ru or en; anything else gets Ukrainian, the default). */
    public static PageMessages of(String language) {
        return MessageBundles.get(PageMessages.class, Localized.Literal.of(supported(language)));
    }

    /** {@code template}, set to render its message expressions in {@code language}. */
    public static TemplateInstance in(String language, TemplateInstance template) {
        return template.setLocale(Locale.forLanguageTag(supported(language)));
    }

    /** The locale numbers, dates and collation follow for the texts' language. */
    public static Locale locale(PageMessages msg) {
        return Locale.forLanguageTag(msg.language());
    }

    static String supported(String language) {
        return SurveyDefinition.SUPPORTED_LANGUAGES.contains(language) ? language : LanguageResolver.DEFAULT;
    }
}
