package org.viche.web;

import java.text.Collator;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.region.Region;
import org.viche.region.RegionCatalog;
import org.viche.region.RegionScheme;
import org.viche.results.DisclosureTexts;
import org.viche.results.ResultsView;
import org.viche.results.ResultsView.Cell;
import org.viche.results.ResultsView.OptionResult;
import org.viche.results.ResultsView.QuestionResults;
import org.viche.results.ResultsView.ValueCount;
import org.viche.results.ResultsView.WeightedOption;
import org.viche.survey.QuestionType;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.SurveySnapshot;
import org.viche.web.ResultsPage.DataCell;
import org.viche.web.ResultsPage.DataRow;
import org.viche.web.ResultsPage.DataTable;
import org.viche.web.ResultsPage.Entry;
import org.viche.web.ResultsPage.Methodology;
import org.viche.web.ResultsPage.QuestionBlock;

/**
 * Lays out {@link ResultsView} for people: labels instead of keys, percentages in the reader's
 * number format, suppressed cells said in words, and the disclosure statement. It computes no
 * statistic of its own: every figure comes from the results service as published by the API.
 */
@ApplicationScoped
class ResultsPageBuilder {

    @Inject
    RegionCatalog regions;

    ResultsPage build(SurveySnapshot survey, ResultsView view, PageMessages msg) {
        Layout layout = new Layout(survey, msg, view.minCellSize());
        layout.perturbed = view.perturbation() != null && view.perturbation().applied();
        List<QuestionBlock> blocks = new ArrayList<>();
        List<Question> questions = survey.definition().questionList();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            int number = i + 1;
            view.questions().stream().filter(r -> r.key().equals(q.key())).findFirst()
                    .ifPresent(r -> blocks.add(layout.question(q, number, r)));
        }
        String responses = view.responses() == null ? msg.results_responsesHidden(view.minCellSize())
                : msg.results_responses(layout.numbers.integer(view.responses()));
        return new ResultsPage(SurveyHead.of(survey, msg.language()), true, responses,
                view.generatedAt() == null ? null : Times.inWords(view.generatedAt(), PageTexts.locale(msg)),
                blocks, layout.methodology(view), csv(survey), json(survey), Page.href("/s/" + survey.slug(), msg.language()),
                DisclosureTexts.codebookPath(survey));
    }

    /** For a survey whose author publishes results only after it closes (results.visibility = AFTER_CLOSE). */
    ResultsPage withheld(SurveySnapshot survey, PageMessages msg) {
        Layout layout = new Layout(survey, msg, survey.definition().minCellSize());
        return new ResultsPage(SurveyHead.of(survey, msg.language()), false, null, null, List.of(),
                layout.methodology(null), null, null, Page.href("/s/" + survey.slug(), msg.language()),
                DisclosureTexts.codebookPath(survey));
    }

    private static String csv(SurveySnapshot survey) {
        return "/api/v1/surveys/" + survey.slug() + "/results.csv";
    }

    private static String json(SurveySnapshot survey) {
        return "/api/v1/surveys/" + survey.slug() + "/results";
    }

    /** The page being laid out: one survey, one language. */
    private final class Layout {
        private final SurveySnapshot survey;
        private final PageMessages msg;
        private final Numbers numbers;
        private final int minCellSize;
        private final Map<String, Region> regionsByCode;
        private final Comparator<String> byRegionName;
        /** Public counts are perturbed: every table says so. */
        private boolean perturbed;

        Layout(SurveySnapshot survey, PageMessages msg, int minCellSize) {
            this.survey = survey;
            this.msg = msg;
            this.numbers = new Numbers(msg);
            this.minCellSize = minCellSize;
            this.regionsByCode = regions.scheme(survey.definition().regionScheme()).map(RegionScheme::byCode).orElse(Map.of());
            Collator collator = Collator.getInstance(PageTexts.locale(msg));
            // Places in the reader's alphabetical order, then the answers that are not places.
            this.byRegionName = Comparator.comparing((String code) -> !isPlace(code))
                    .thenComparing(this::regionName, collator);
        }

        QuestionBlock question(Question q, int number, QuestionResults results) {
            String text = localized(q.text());
            Cell overall = results.overall();
            List<String> notes = notes(q);
            if (!overall.suppressed() && (overall.n() == null || overall.n() == 0)) {
                return new QuestionBlock(String.valueOf(number), q.key(), text,
                        survey.isOpen() ? msg.results_noAnswers() : msg.results_noAnswers_closed(), null, null,
                        List.of(), null, null, null);
            }
            if (q.questionType() == QuestionType.TEXT && !overall.suppressed()) {
                notes.add(0, msg.results_answeredBy(numbers.integer(overall.n())));
            }
            if (perturbed) {
                notes.add(msg.results_perturbed());
            }
            if (q.questionType() != QuestionType.TEXT && !overall.suppressed() && overall.weighted() == null) {
                notes.add(msg.results_weighted_none());
            }
            if (overall.weighted() != null && overall.weighted().mean() != null) {
                notes.add(msg.results_weighted_mean(numbers.decimal(overall.weighted().mean(), 2),
                        numbers.decimal(overall.weighted().meanSe(), 2)));
            }
            BarChart chart = overall.suppressed() ? null : chart(q, number, overall);
            List<DataRow> rows = new ArrayList<>();
            rows.add(row(q, msg.results_row_all(), overall, true));
            if (overall.weighted() != null && overall.weighted().options() != null) {
                rows.add(weightedRow(q, overall.weighted()));
            }
            List<String> empty = new ArrayList<>();
            List<String> hidden = new ArrayList<>();
            List<String> notPlaces = new ArrayList<>();
            List<Cell> cells = results.byRegion().stream()
                    .sorted(Comparator.comparing(Cell::region, byRegionName)).toList();
            for (Cell cell : cells) {
                if (cell.suppressed()) {
                    hidden.add(regionName(cell.region()));
                } else if (cell.n() == null || cell.n() == 0) {
                    empty.add(regionName(cell.region()));
                } else {
                    rows.add(row(q, regionName(cell.region()), cell, false));
                    if (!isPlace(cell.region())) {
                        notPlaces.add(regionName(cell.region()));
                    }
                }
            }
            if (!notPlaces.isEmpty() && overall.weighted() != null) {
                notes.add(msg.results_table_notPlaces(String.join(", ", notPlaces)));
            }
            DataTable table = new DataTable(msg.results_table_caption(number), columns(q), rows);
            return new QuestionBlock(String.valueOf(number), q.key(), text, null, chart, table, notes,
                    hidden.isEmpty() ? null : msg.results_hidden(String.join(", ", hidden)),
                    empty.isEmpty() ? null : msg.results_noneFrom_summary(empty.size()),
                    empty.isEmpty() ? null : String.join(", ", empty));
        }

        private List<String> notes(Question q) {
            List<String> notes = new ArrayList<>();
            int m = q.optionList().size();
            switch (q.questionType()) {
                case SINGLE_CHOICE -> notes.add(msg.results_cell_choice());
                case MULTIPLE_CHOICE -> {
                    notes.add(msg.results_cell_choice());
                    notes.add(msg.results_note_multiple());
                }
                case SCALE -> notes.add(msg.results_cell_scale());
                case RANKING -> notes.add(msg.results_note_ranking(m - 1));
                case TEXT -> notes.add(msg.results_note_text());
            }
            return notes;
        }

        private List<String> columns(Question q) {
            List<String> columns = new ArrayList<>();
            switch (q.questionType()) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE, RANKING -> q.optionList().forEach(o -> columns.add(localized(o.text())));
                case SCALE -> {
                    for (int v = q.min(); v <= q.max(); v++) {
                        columns.add(scaleLabel(q, v));
                    }
                    columns.add(msg.results_table_mean());
                    columns.add(msg.results_table_median());
                }
                case TEXT -> {
                }
            }
            return columns;
        }

        private DataRow row(Question q, String label, Cell cell, boolean overall) {
            if (cell.suppressed()) {
                return new DataRow(label, null, overall, overall ? msg.results_suppressed(minCellSize)
                        : msg.results_suppressed_possiblyNone(minCellSize), List.of());
            }
            List<DataCell> cells = new ArrayList<>();
            switch (q.questionType()) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> q.optionList().forEach(o -> {
                    OptionResult r = option(cell, o);
                    cells.add(r == null ? empty() : new DataCell(numbers.percent(r.share()), List.of(bracketed(r.ci95()))));
                });
                case RANKING -> q.optionList().forEach(o -> {
                    OptionResult r = option(cell, o);
                    cells.add(r == null ? empty() : new DataCell(numbers.percent(r.firstShare()), List.of(
                            bracketed(r.firstCi95()), msg.results_points(numbers.decimal(r.bordaMean(), 2)))));
                });
                case SCALE -> {
                    List<ValueCount> distribution = cell.distribution() == null ? List.of() : cell.distribution();
                    for (int v = q.min(); v <= q.max(); v++) {
                        int value = v;
                        ValueCount vc = distribution.stream().filter(d -> d.value() == value && d.share() != null)
                                .findFirst().orElse(null);
                        cells.add(vc == null ? empty() : new DataCell(numbers.percent(vc.share()), List.of(bracketed(vc.ci95()))));
                    }
                    cells.add(new DataCell(numbers.decimal(cell.mean(), 2), List.of()));
                    cells.add(new DataCell(numbers.decimal(cell.median(), 1), List.of()));
                }
                case TEXT -> {
                }
            }
            return new DataRow(label, numbers.integer(cell.n()), overall, null, cells);
        }

        private DataRow weightedRow(Question q, ResultsView.Weighted weighted) {
            List<DataCell> cells = new ArrayList<>();
            for (Option o : q.optionList()) {
                WeightedOption w = weighted.options().stream().filter(x -> x.key().equals(o.key())).findFirst().orElse(null);
                List<String> details = new ArrayList<>();
                if (w != null) {
                    details.add(bracketed(w.ci95()));
                    if (w.bordaMean() != null) {
                        details.add(msg.results_points(numbers.decimal(w.bordaMean(), 2)));
                    }
                }
                cells.add(w == null ? empty() : new DataCell(numbers.percent(w.share()), details));
            }
            String label = weighted.pooledRegions() == null ? msg.results_row_weighted()
                    : msg.results_row_weightedPooled(String.join(", ", weighted.pooledRegions().stream().sorted(byRegionName).map(this::regionName).toList()));
            long precision = Math.round(weighted.nEffective());
            return new DataRow(label, msg.results_neff(numbers.integer(precision), precision), true, null, cells);
        }

        private BarChart chart(Question q, int number, Cell overall) {
            List<BarChart.Input> inputs = new ArrayList<>();
            String title;
            String caption;
            switch (q.questionType()) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    title = msg.results_chart_choice(number);
                    caption = msg.results_caption_choice(numbers.integer(overall.n()));
                    q.optionList().forEach(o -> {
                        OptionResult r = option(overall, o);
                        inputs.add(new BarChart.Input(localized(o.text()), r == null ? null : r.share(),
                                r == null ? null : r.ci95(), numbers.percent(r == null ? null : r.share())));
                    });
                }
                case RANKING -> {
                    title = msg.results_chart_ranking(number);
                    caption = msg.results_caption_ranking(numbers.integer(overall.n()));
                    q.optionList().forEach(o -> {
                        OptionResult r = option(overall, o);
                        inputs.add(new BarChart.Input(localized(o.text()), r == null ? null : r.firstShare(),
                                r == null ? null : r.firstCi95(), numbers.percent(r == null ? null : r.firstShare())));
                    });
                }
                case SCALE -> {
                    title = msg.results_chart_scale(number);
                    caption = msg.results_caption_scale(numbers.integer(overall.n()));
                    List<ValueCount> distribution = overall.distribution() == null ? List.of() : overall.distribution();
                    for (ValueCount vc : distribution) {
                        inputs.add(new BarChart.Input(scaleLabel(q, vc.value()), vc.share(), vc.ci95(), numbers.percent(vc.share())));
                    }
                }
                default -> {
                    return null;
                }
            }
            boolean intervals = inputs.stream().anyMatch(i -> i.interval() != null);
            return BarChart.of("chart-" + q.key(), title, caption, intervals ? msg.results_caption_whiskers() : null, inputs);
        }

        Methodology methodology(ResultsView view) {
            SurveyDefinition d = survey.definition();
            List<Entry> entries = new ArrayList<>();
            SurveyDefinition.Methodology m = d.methodology();
            if (m != null) {
                add(entries, msg.results_methodology_sponsor(), m.sponsor());
                add(entries, msg.results_methodology_conductedBy(), m.conductedBy());
                add(entries, msg.results_methodology_population(), m.population());
                add(entries, msg.results_methodology_recruitment(), m.recruitment());
                add(entries, msg.results_methodology_mode(), m.mode());
                add(entries, msg.results_methodology_limitations(), m.limitations());
            }
            String dates = fieldDates();
            if (dates != null) {
                entries.add(new Entry(msg.results_methodology_fieldDates(), dates));
            }
            List<String> notes = new ArrayList<>();
            if (m != null) {
                notes.add(msg.results_methodology_authors());
            }
            notes.add(msg.results_methodology_weighting());
            notes.add(msg.results_weighted_excluded());
            notes.add(msg.results_methodology_suppression(minCellSize));
            // the same sentences as the JSON's disclosure and the data package's (DisclosureTexts)
            notes.add(DisclosureTexts.perturbation(true, msg));
            notes.add(msg.results_methodology_perturbationTable());
            notes.add(DisclosureTexts.limitations(survey, msg));
            List<Entry> sample = new ArrayList<>();
            if (view != null && view.regions() != null) {
                for (ResultsView.RegionResponses r : view.regions().stream()
                        .sorted(Comparator.comparing(ResultsView.RegionResponses::region, byRegionName)).toList()) {
                    if (r.suppressed()) {
                        sample.add(new Entry(regionName(r.region()), msg.results_sample_hidden()));
                    } else if (r.responses() != null && r.responses() > 0) {
                        sample.add(new Entry(regionName(r.region()), numbers.integer(r.responses())));
                    }
                }
            }
            return new Methodology(entries, notes, sample);
        }

        private String fieldDates() {
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(PageTexts.locale(msg));
            OffsetDateTime opened = survey.openedAt();
            if (opened == null) {
                return null;
            }
            String from = format.format(opened);
            return survey.closedAt() == null ? msg.results_methodology_since(from)
                    : msg.results_methodology_range(from, format.format(survey.closedAt()));
        }

        /** A methodology text in the page language, else another, marked with its language. */
        private void add(List<Entry> entries, String label, Map<String, String> texts) {
            String value = localized(texts);
            if (value != null && !value.isBlank()) {
                String shown = TextExtensions.languageShown(texts, msg.language(), survey.firstLanguage());
                entries.add(new Entry(label, value, shown.equals(msg.language()) ? null : shown));
            }
        }

        private String scaleLabel(Question q, int value) {
            String end = value == q.min() ? localized(q.minLabel()) : value == q.max() ? localized(q.maxLabel()) : "";
            return end.isEmpty() ? String.valueOf(value) : value + " — " + end;
        }

        private boolean isPlace(String code) {
            Region region = code == null ? null : regionsByCode.get(code);
            return region == null || region.isPlace();
        }

        private String regionName(String code) {
            Region region = code == null ? null : regionsByCode.get(code);
            return region == null ? String.valueOf(code) : region.name(msg.language());
        }

        private String localized(Map<String, String> texts) {
            return TextExtensions.localized(texts, msg.language(), survey.firstLanguage());
        }

        private String bracketed(double[] interval) {
            return "(" + numbers.interval(interval) + ")";
        }

        private DataCell empty() {
            return new DataCell(Numbers.MISSING, List.of());
        }
    }

    private static OptionResult option(Cell cell, Option o) {
        if (cell.options() == null) {
            return null;
        }
        return cell.options().stream().filter(r -> r.key().equals(o.key())).findFirst().orElse(null);
    }
}
