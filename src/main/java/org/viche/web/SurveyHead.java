package org.viche.web;

import org.viche.survey.SurveySnapshot;

/**
 * A survey's heading as every page about it shows it, in the page language; {@code lang} is the
 * language its texts are actually in (the survey's first one when it does not offer the page's).
 */
public record SurveyHead(String slug, String lang, String title, String description, boolean demo, boolean open) {

    static SurveyHead of(SurveySnapshot survey, String lang) {
        var d = survey.definition();
        return new SurveyHead(survey.slug(), TextExtensions.languageShown(d.title(), lang, survey.firstLanguage()),
                TextExtensions.localized(d.title(), lang, survey.firstLanguage()),
                TextExtensions.localized(d.description(), lang, survey.firstLanguage()),
                survey.demo(), survey.isOpen());
    }

    public String formPath() {
        return "/s/" + slug;
    }

    public String resultsPath() {
        return "/s/" + slug + "/results";
    }
}
