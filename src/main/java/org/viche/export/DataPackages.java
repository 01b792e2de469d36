package org.viche.export;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.viche.export.DataPackage.Constraints;
import org.viche.export.DataPackage.Dialect;
import org.viche.export.DataPackage.Field;
import org.viche.export.DataPackage.Resource;
import org.viche.export.DataPackage.Schema;
import org.viche.region.RegionScheme;
import org.viche.results.DisclosureTexts;
import org.viche.results.ResultsCsv;
import org.viche.results.ResultsView.Weighting;
import org.viche.results.ResultsView.WeightingTarget;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinition.Methodology;
import org.viche.survey.SurveySnapshot;
import org.viche.web.PageMessages;
import org.viche.web.PageTexts;

/**
 * Writes a survey's data package: both CSVs with their schemas (the microdata's taken from the
 * codebook) and, in the package description, the disclosure statistics.md asks for — sponsor,
 * population, recruitment, mode, field dates, weighting targets, suppression, limitations.
 */
final class DataPackages {

    private static final String NOT_STATED = "not stated";

    private DataPackages() {
    }

    /** @param apiBase the service's base address, e.g. {@code https://viche.org/} */
    static DataPackage build(SurveySnapshot survey, Codebook codebook, Weighting weighting,
            Optional<RegionScheme> scheme, URI apiBase, OffsetDateTime created) {
        String language = survey.definition().title() != null && survey.definition().title().containsKey("en")
                ? "en" : survey.firstLanguage();
        String surveyPath = apiBase.resolve("api/v1/surveys/" + survey.slug() + "/").toString();
        List<Field> microdataFields = codebook.variables().stream().filter(v -> !v.isText())
                .map(v -> field(v, language)).toList();
        Resource responses = new Resource("responses", surveyPath + "responses.csv", "tabular-data-resource",
                "Microdata: one row per response",
                "Needs a researcher or admin bearer token. The codebook (" + surveyPath + "codebook) gives every "
                        + "column's wording in each language. Free-text columns are not listed here: they are exported "
                        + "only to admin tokens, with ?text=true.",
                "csv", "text/csv", "utf-8", Dialect.CSV,
                new Schema(microdataFields, FixedColumns.RESPONSE_ID, List.of("")));
        Resource results = new Resource("results", surveyPath + "results.csv", "tabular-data-resource",
                "Results: one row per question × region × option",
                "Public figures, republished at a coarse interval; admin and researcher tokens get current ones.",
                "csv", "text/csv", "utf-8", Dialect.CSV, new Schema(resultsFields(), null, List.of("")));
        return new DataPackage("tabular-data-package", survey.slug(), surveyPath + "datapackage.json",
                text(survey.definition().title(), language), description(survey, weighting, scheme, language), created,
                List.of(responses, results));
    }

    private static Field field(Variable v, String language) {
        String title = text(v.label(), language);
        if (v.optionLabel() != null) {
            title = title + " — " + text(v.optionLabel(), language);
        }
        boolean fixed = v.question() == null;
        List<String> allowed = v.type().equals("string") && v.values() != null
                ? v.values().stream().map(Variable.Value::code).toList() : null;
        Constraints constraints = fixed || allowed != null || v.minimum() != null || v.maximum() != null
                ? new Constraints(fixed ? true : null, allowed, v.minimum(), v.maximum()) : null;
        return new Field(v.name(), v.type(), v.name().equals(FixedColumns.RESPONSE_ID) ? "uuid" : null, title,
                v.description(), constraints);
    }

    private static List<Field> resultsFields() {
        List<String> header = List.of(ResultsCsv.HEADER);
        return List.of(
                new Field(header.get(0), "string", null, "Question", "The question's key, as in the codebook.", null),
                new Field(header.get(1), "string", null, "Region", "Region code, or ALL for all regions together.", null),
                new Field(header.get(2), "string", null, "Option",
                        "Option key; for scale questions the value; empty for free-text questions (answered count only).",
                        null),
                new Field(header.get(3), "integer", null, "Count",
                        "Respondents who chose the option (ranking: ranked it first); empty when suppressed.", null),
                new Field(header.get(4), "number", null, "Share",
                        "count / n, n = respondents in the cell who answered the question.", null),
                new Field(header.get(5), "number", null, "95% interval, lower bound",
                        "Wilson score interval (z = 1.959964).", null),
                new Field(header.get(6), "number", null, "95% interval, upper bound",
                        "Wilson score interval (z = 1.959964).", null),
                new Field(header.get(7), "boolean", null, "Suppressed",
                        "true when the cell has too few respondents to publish (disclosure control).", null));
    }

    private static String description(SurveySnapshot survey, Weighting weighting, Optional<RegionScheme> scheme,
            String language) {
        SurveyDefinition definition = survey.definition();
        Methodology m = definition.methodology() == null ? Methodology.NONE : definition.methodology();
        PageMessages msg = PageTexts.of(language);
        StringBuilder text = new StringBuilder();
        String about = text(definition.description(), language);
        if (!about.isEmpty()) {
            text.append(about).append("\n\n");
        }
        text.append("## Methodology\n")
                .append("- Sponsor: ").append(orNotStated(text(m.sponsor(), language))).append('\n')
                .append("- Conducted by: ").append(orNotStated(text(m.conductedBy(), language))).append('\n')
                .append("- Population of interest: ").append(orNotStated(text(m.population(), language))).append('\n')
                .append("- Recruitment: ").append(orNotStated(text(m.recruitment(), language))).append('\n')
                .append("- Mode: ").append(orNotStated(text(m.mode(), language))).append('\n')
                .append("- Field dates: ").append(survey.openedAt() == null ? "not yet open" : survey.openedAt().toLocalDate())
                .append(" to ").append(survey.closedAt() == null ? "(still open)" : survey.closedAt().toLocalDate())
                .append('\n')
                .append("- Languages: ").append(String.join(", ", definition.effectiveLanguages())).append("\n\n");
        text.append("## Weighting\n").append(capitalised(weighting.method())).append(". ").append(weighting.formula())
                .append("\n\nTargets (region scheme ").append(weighting.regionScheme()).append("):\n");
        for (WeightingTarget t : weighting.targets()) {
            String name = scheme.flatMap(s -> s.region(t.region())).map(r -> r.name(language)).orElse(t.region());
            text.append("- ").append(t.region()).append(' ').append(name).append(": ")
                    .append(t.population() == null ? "population unknown" : "population " + t.population()
                            + " (" + t.populationDate() + ")")
                    .append(t.note() == null ? "" : ". " + t.note()).append('\n');
        }
        if (weighting.notWeighted() != null) {
            text.append("Not weighted (no population): ").append(String.join(", ", weighting.notWeighted())).append('\n');
        }
        text.append("\n## Disclosure control\nIn the results, a cell (question × region) with fewer than ")
                .append(definition.minCellSize()).append(" respondents is suppressed: no count, share or interval. ")
                .append("If that leaves one region of a question suppressed, the next-smallest is suppressed too; a ")
                .append("conditional question hides what its parent hides and the other way round; zero regions are ")
                .append("hidden with a lone hidden region. Free-text answers never appear in the results. ")
                .append(DisclosureTexts.perturbation(true, msg)).append(' ')
                .append("The perturbation table is published in the results JSON (field perturbation).\n\n");
        text.append("## Limitations\n");
        String limitations = text(m.limitations(), language);
        if (!limitations.isBlank()) {
            text.append(limitations).append("\n\n");
        }
        text.append(DisclosureTexts.limitations(survey, msg)).append("\n\n").append(weighting.limitations()).append('\n');
        return text.toString();
    }

    private static String text(Map<String, String> texts, String language) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        String text = texts.get(language);
        return text != null ? text : texts.values().iterator().next();
    }

    private static String orNotStated(String value) {
        return value == null || value.isBlank() ? NOT_STATED : value;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
