package org.viche.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LanguageResolverTest {

    private static final List<String> ALL = List.of("uk", "ru", "en");

    @Test
    void explicitLanguageWinsOverTheBrowserHeader() {
        assertEquals("en", LanguageResolver.resolve("en", "ru,uk;q=0.9", ALL, "uk"));
    }

    @Test
    void browserLanguagesAreTakenInQualityOrder() {
        assertEquals("en", LanguageResolver.resolve(null, "de-DE,ru;q=0.5,en;q=0.8", ALL, "uk"));
        assertEquals("ru", LanguageResolver.resolve(null, "ru-RU", ALL, "uk"));
    }

    @Test
    void languagesRefusedWithZeroQualityAreIgnored() {
        assertEquals("uk", LanguageResolver.resolve(null, "ru;q=0, en;q=0", ALL, "uk"));
    }

    @Test
    void aSurveyOfferingSomeLanguagesGetsTheFirstOfThemThatMatches() {
        List<String> offered = List.of("en", "uk");
        assertEquals("uk", LanguageResolver.resolve("ru", "ru,uk;q=0.5,en;q=0.4", offered, "en"));
        assertEquals("en", LanguageResolver.resolve("ru", "ru", offered, "en"));
    }

    @Test
    void withoutAnyHintTheFallbackLanguageIsUsed() {
        assertEquals("en", LanguageResolver.resolve(null, null, List.of("en", "uk"), "en"));
        assertEquals("uk", LanguageResolver.resolve("", "", ALL, "uk"));
    }

    @Test
    void unknownOrMalformedHintsAreIgnored() {
        assertEquals("uk", LanguageResolver.resolve("xx", "a;q=nonsense,,", ALL, "uk"));
        assertEquals("ru", LanguageResolver.resolve(" RU ", null, ALL, "uk"));
    }
}
