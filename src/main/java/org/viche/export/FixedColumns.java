package org.viche.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.viche.export.Variable.Value;
import org.viche.region.Region;
import org.viche.region.RegionScheme;
import org.viche.survey.SurveySnapshot;

/**
 * The six columns every microdata row starts with (api.md), labelled in the three languages
 * Viche speaks. Time is given as the UTC date only: the time of day, with the row order, could
 * single out a respondent whose moment of submission someone knows.
 */
final class FixedColumns {

    static final String RESPONSE_ID = "response_id";
    static final String REGION = "region";
    static final String LANGUAGE = "language";
    static final String CHANNEL = "channel";
    static final String SUBMITTED_ON = "submitted_on";
    static final String WEIGHT = "weight";

    static final List<String> NAMES = List.of(RESPONSE_ID, REGION, LANGUAGE, CHANNEL, SUBMITTED_ON, WEIGHT);

    private static final Map<String, Map<String, String>> LANGUAGE_NAMES = Map.of(
            "uk", Map.of("uk", "українська", "ru", "украинский", "en", "Ukrainian"),
            "ru", Map.of("uk", "російська", "ru", "русский", "en", "Russian"),
            "en", Map.of("uk", "англійська", "ru", "английский", "en", "English"));

    private FixedColumns() {
    }

    static List<Variable> of(SurveySnapshot survey, Optional<RegionScheme> scheme) {
        List<Variable> columns = new ArrayList<>();
        columns.add(fixed(RESPONSE_ID, "string",
                texts("Ідентифікатор відповіді", "Идентификатор ответа", "Response identifier"),
                "A random UUID identifying the response in exports and the ledger; it is not the id returned to whoever "
                        + "submitted it, and is derived from nothing about the respondent.",
                null));
        columns.add(fixed(REGION, "string", texts("Регіон проживання", "Регион проживания", "Region of residence"),
                "Code of the region the respondent said they live in (region scheme " + survey.definition().regionScheme()
                        + ").",
                survey.regionCodes().stream().map(code -> new Value(code, regionNames(scheme, code))).toList()));
        columns.add(fixed(LANGUAGE, "string", texts("Мова анкети", "Язык анкеты", "Language of the questionnaire"),
                "Language the respondent answered in.",
                survey.definition().effectiveLanguages().stream()
                        .map(code -> new Value(code, LANGUAGE_NAMES.getOrDefault(code, Map.of("en", code)))).toList()));
        columns.add(fixed(CHANNEL, "string", texts("Канал", "Канал", "Channel"),
                "How the response arrived.",
                List.of(new Value("WEB", texts("вебформа", "веб-форма", "web form")),
                        new Value("API", texts("API (сайт-партнер або застосунок)", "API (сайт-партнёр или приложение)",
                                "API (partner site or app)")))));
        columns.add(fixed(SUBMITTED_ON, "date", texts("Дата подання (UTC)", "Дата отправки (UTC)", "Date submitted (UTC)"),
                "Calendar date (UTC) the response was submitted, YYYY-MM-DD; the time of day is withheld.", null));
        columns.add(fixed(WEIGHT, "number",
                texts("Вага постстратифікації", "Вес постстратификации", "Post-stratification weight"),
                "Weight of the respondent's region, w = P_h · n / n_h (P_h: the region's share of the population of the "
                        + "survey's regions with respondents; n_h: its respondents; n: all respondents). Weights sum to "
                        + "the number of rows, and are computed from the responses in this file.",
                null, 0));
        return columns;
    }

    private static Variable fixed(String name, String type, Map<String, String> label, String description,
            List<Value> values) {
        return fixed(name, type, label, description, values, null);
    }

    private static Variable fixed(String name, String type, Map<String, String> label, String description,
            List<Value> values, Integer minimum) {
        return new Variable(name, type, label, description, null, null, null, null, values, minimum, null, null);
    }

    private static Map<String, String> regionNames(Optional<RegionScheme> scheme, String code) {
        return scheme.flatMap(s -> s.region(code)).map(Region::names).orElse(Map.of("en", code));
    }

    static Map<String, String> texts(String uk, String ru, String en) {
        return Map.of("uk", uk, "ru", ru, "en", en);
    }
}
