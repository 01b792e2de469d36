package org.viche.admin;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.viche.survey.SurveySnapshot;
import org.viche.survey.SurveyStatus;

/** A survey as the console lists it: its state, how many responses count, how many are held. */
public record SurveyRow(String slug, String title, String status, boolean demo, long counted, long held,
        String created, String opened, String closed) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    static SurveyRow of(SurveySnapshot s, String lang, long counted, long held) {
        return new SurveyRow(s.slug(), title(s, lang), s.status().name(), s.demo(), counted, held,
                when(s.createdAt()), when(s.openedAt()), when(s.closedAt()));
    }

    /** The title in the reader's language, else in the survey's first language. */
    static String title(SurveySnapshot s, String lang) {
        Map<String, String> title = s.definition().title();
        if (title == null) {
            return s.slug();
        }
        String text = title.get(lang);
        return text != null && !text.isBlank() ? text : title.getOrDefault(s.firstLanguage(), s.slug());
    }

    static String when(OffsetDateTime at) {
        return at == null ? "" : WHEN.format(at.withOffsetSameInstant(java.time.ZoneOffset.UTC));
    }

    public boolean draft() {
        return "DRAFT".equals(status);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** The status as {@code {console:admin_status(s.state)}} labels it. */
    public SurveyStatus state() {
        return SurveyStatus.valueOf(status);
    }
}
