package org.viche.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Moments as people read them, in the page language: "29 листопада 2026, 18:36 UTC" rather
 * than ISO 8601. Always in UTC and said so, because a reader's time zone is not known (and not
 * asked for). Java's month names for uk and ru are already in the genitive a date needs.
 */
public final class Times {

    private Times() {
    }

    public static String inWords(OffsetDateTime moment, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).format(moment.withOffsetSameInstant(ZoneOffset.UTC))
                + " UTC";
    }

    /** An ISO 8601 instant as {@link #inWords}; anything unreadable is shown as it is. */
    static String inWords(String iso, Locale locale) {
        if (iso == null) {
            return null;
        }
        try {
            return inWords(Instant.parse(iso).atOffset(ZoneOffset.UTC), locale);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
