package org.viche.web;

import io.quarkus.qute.TemplateExtension;

/**
 * Nouns that agree with a number, for the message files: Ukrainian and Russian pick one of three
 * forms (1 відповідь, 2 відповіді, 5 відповідей; 11–14 take the third), English one of two. The
 * forms stay in the message text, where translators see them:
 * {@code {n} {n.slavicPlural('відповідь', 'відповіді', 'відповідей')}}.
 */
@TemplateExtension
public final class Plurals {

    private Plurals() {
    }

    /** Ukrainian and Russian: {@code one} for 1, 21, 31…; {@code few} for 2–4, 22–24…; {@code many} otherwise. */
    public static String slavicPlural(Number n, String one, String few, String many) {
        long abs = Math.abs(n.longValue());
        long lastTwo = abs % 100;
        long last = abs % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return many;
        }
        if (last == 1) {
            return one;
        }
        return last >= 2 && last <= 4 ? few : many;
    }

    /** English: {@code one} for exactly 1, {@code other} for anything else (0 answers, 2 answers). */
    public static String englishPlural(Number n, String one, String other) {
        return n.longValue() == 1 ? one : other;
    }
}
