package org.viche.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveySnapshot;

/**
 * Chooses the one language a page is shown in, so that its chrome, its questions and the
 * {@code language} recorded with a response always agree. Order (api.md, "Pages"): an explicit
 * {@code ?lang=}, then the browser's {@code Accept-Language} by quality, then the survey's first
 * language, then Ukrainian. Only languages the page can actually show are considered: on a survey
 * page, the languages that survey offers.
 */
@ApplicationScoped
public class LanguageResolver {

    static final String DEFAULT = "uk";

    /** For pages that are not about one survey (home, error pages): any language Viche speaks. */
    public String forSite(String requested, String acceptLanguage) {
        return resolve(requested, acceptLanguage, SurveyDefinition.SUPPORTED_LANGUAGES, DEFAULT);
    }

    /** For a survey's pages: one of the languages the survey offers. */
    String forSurvey(String requested, String acceptLanguage, SurveySnapshot survey) {
        return resolve(requested, acceptLanguage, offered(survey), survey.firstLanguage());
    }

    /** The survey's languages that Viche can show, in the author's order. */
    static List<String> offered(SurveySnapshot survey) {
        List<String> offered = survey.definition().effectiveLanguages().stream()
                .filter(SurveyDefinition.SUPPORTED_LANGUAGES::contains).distinct().toList();
        return offered.isEmpty() ? SurveyDefinition.SUPPORTED_LANGUAGES : offered;
    }

    static String resolve(String requested, String acceptLanguage, List<String> offered, String fallback) {
        if (requested != null && offered.contains(requested.trim().toLowerCase(Locale.ROOT))) {
            return requested.trim().toLowerCase(Locale.ROOT);
        }
        for (String language : acceptedLanguages(acceptLanguage)) {
            if (offered.contains(language)) {
                return language;
            }
        }
        if (offered.contains(fallback)) {
            return fallback;
        }
        return offered.contains(DEFAULT) || offered.isEmpty() ? DEFAULT : offered.get(0);
    }

    /** Primary language subtags of the header, best first; a malformed header counts as absent. */
    static List<String> acceptedLanguages(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = new ArrayList<>(Locale.LanguageRange.parse(header));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        // parse() already orders by weight; keep it explicit and stable for equal weights.
        ranges.sort(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed());
        List<String> languages = new ArrayList<>();
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String primary = range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT);
            if (!primary.equals("*") && !languages.contains(primary)) {
                languages.add(primary);
            }
        }
        return languages;
    }
}
