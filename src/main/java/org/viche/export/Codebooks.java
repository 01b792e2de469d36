package org.viche.export;

import static org.viche.export.FixedColumns.texts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.export.Codebook.QuestionColumns;
import org.viche.export.Variable.Value;
import org.viche.region.RegionCatalog;
import org.viche.region.RegionScheme;
import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.SurveySnapshot;

/**
 * Decides how each question's answers are laid out as microdata columns: choice as the
 * option key, multiple choice as one 0/1 column per option, ranking as one position column
 * per option, scale as the value, free text as one column exported only on request. The
 * result is the codebook; the CSV writer and the data package both follow it.
 */
@ApplicationScoped
public class Codebooks {

    static final List<String> NOTES = List.of(
            "One row per response; columns in the order of 'variables'.",
            "An empty cell means no answer: the question was skipped, or not shown because of its condition (showIf).",
            "Rows are ordered by submitted_on, then by response_id (random), so that the order within a day reveals "
                    + "nothing about the order of submission.",
            "UTF-8, comma-separated, a header row, lines ending in \\n; a cell holding a comma, a quote or a line break "
                    + "is enclosed in double quotes, with quotes doubled (RFC 4180).",
            "Values are exported exactly as stored, never altered: a free-text answer beginning with =, +, - or @ may "
                    + "be taken for a formula by spreadsheet programs, so import the file as text there.",
            "Free-text columns (textExportOnly) are left out unless an admin token asks for ?text=true.");

    private static final List<Value> CHOSEN = List.of(
            new Value("1", texts("обрано", "выбрано", "chosen")),
            new Value("0", texts("не обрано", "не выбрано", "not chosen")));

    @Inject
    RegionCatalog regions;

    public Codebook of(SurveySnapshot survey) {
        return build(survey, regions.scheme(survey.definition().regionScheme()));
    }

    static Codebook build(SurveySnapshot survey, Optional<RegionScheme> scheme) {
        List<Variable> variables = new ArrayList<>(FixedColumns.of(survey, scheme));
        Set<String> taken = new HashSet<>(FixedColumns.NAMES);
        List<QuestionColumns> questions = new ArrayList<>();
        for (Question q : survey.definition().questionList()) {
            List<Variable> columns = columnsOf(q, taken);
            variables.addAll(columns);
            questions.add(new QuestionColumns(q.key(), q.type(), q.text(), q.isRequired(), q.showIf(), encodingOf(q),
                    columns.stream().map(Variable::name).toList()));
        }
        return new Codebook(survey.slug(), survey.definition().title(), survey.definition().effectiveLanguages(),
                survey.slug() + "-responses.csv", NOTES, questions, variables);
    }

    private static List<Variable> columnsOf(Question q, Set<String> taken) {
        return switch (q.questionType()) {
            case SINGLE_CHOICE -> List.of(column(q, unique(q.key(), taken), "string",
                    "The key of the chosen option.", null, optionValues(q), null, null));
            case MULTIPLE_CHOICE -> q.optionList().stream().map(o -> column(q, unique(q.key() + "_" + o.key(), taken),
                    "integer", "1 if this option was chosen, 0 if the question was answered without it.", o, CHOSEN, 0, 1))
                    .toList();
            case RANKING -> q.optionList().stream().map(o -> column(q, unique(q.key() + "_" + o.key(), taken), "integer",
                    "Position given to this option, 1 = first; empty if the respondent left it unranked.", o, null, 1,
                    q.optionList().size())).toList();
            case SCALE -> List.of(column(q, unique(q.key(), taken), "integer", "The value chosen on the scale.", null,
                    scaleEnds(q), q.min(), q.max()));
            case TEXT -> List.of(new Variable(unique(q.key(), taken), "string", q.text(), "The free-text answer.",
                    q.key(), q.type(), null, null, null, null, null, true));
        };
    }

    private static Variable column(Question q, String name, String type, String description, Option option,
            List<Value> values, Integer minimum, Integer maximum) {
        return new Variable(name, type, q.text(), description, q.key(), q.type(), option == null ? null : option.key(),
                option == null ? null : option.text(), values, minimum, maximum, null);
    }

    /** {@code name}, or {@code name_2}, {@code name_3}... if a fixed column or an earlier question took it. */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }

    private static List<Value> optionValues(Question q) {
        return q.optionList().stream().map(o -> new Value(o.key(), o.text())).toList();
    }

    /** The labels of the scale's ends, where the author gave them. */
    private static List<Value> scaleEnds(Question q) {
        List<Value> ends = Stream.of(end(q.min(), q.minLabel()), end(q.max(), q.maxLabel()))
                .flatMap(Optional::stream).toList();
        return ends.isEmpty() ? null : ends;
    }

    private static Optional<Value> end(Integer value, Map<String, String> label) {
        return label == null || value == null ? Optional.empty() : Optional.of(new Value(value.toString(), label));
    }

    private static String encodingOf(Question q) {
        return switch (q.questionType()) {
            case SINGLE_CHOICE -> "One column holding the key of the chosen option; empty if not answered.";
            case MULTIPLE_CHOICE -> "One column per option, named <question>_<option>: 1 = chosen, 0 = not chosen; "
                    + "all empty if the question was not answered.";
            case RANKING -> "One column per option, named <question>_<option>, holding the position (1.."
                    + q.optionList().size() + ", 1 = first) the respondent gave it; empty for options left unranked "
                    + "(a partial ranking); all empty if the question was not answered.";
            case SCALE -> "One column holding the value, " + q.min() + " to " + q.max() + "; empty if not answered.";
            case TEXT -> "One column with the text, exported only with ?text=true and only to admin tokens.";
        };
    }
}
