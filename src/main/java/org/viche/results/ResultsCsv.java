package org.viche.results;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.viche.results.ResultsView.Cell;
import org.viche.results.ResultsView.OptionResult;
import org.viche.results.ResultsView.QuestionResults;
import org.viche.results.ResultsView.ValueCount;

/**
 * {@code results.csv}: one row per question × region × option (region {@code ALL} for the
 * overall cell). Scale questions list each value as an option; ranking questions give the
 * count and share ranked first; text questions one row with the number who answered.
 * A suppressed cell's rows carry no count, share or interval.
 */
public final class ResultsCsv {

    public static final String[] HEADER = {"question", "region", "option", "count", "share", "ci_low", "ci_high", "suppressed"};

    private ResultsCsv() {
    }

    public static void write(ResultsView results, List<QuestionOptions> optionKeys, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").get())) {
            for (int i = 0; i < results.questions().size(); i++) {
                QuestionResults q = results.questions().get(i);
                QuestionOptions options = optionKeys.get(i);
                writeCell(csv, q, "ALL", q.overall(), options);
                for (Cell cell : q.byRegion()) {
                    writeCell(csv, q, cell.region(), cell, options);
                }
            }
        }
    }

    /** The option labels of a question, so that suppressed cells still list their rows. */
    public record QuestionOptions(List<String> keys) {
    }

    private static void writeCell(CSVPrinter csv, QuestionResults q, String region, Cell cell, QuestionOptions options)
            throws IOException {
        if (cell.suppressed()) {
            for (String key : options.keys()) {
                csv.printRecord(q.key(), region, key, "", "", "", "", "true");
            }
            return;
        }
        if (cell.options() != null) {
            for (OptionResult o : cell.options()) {
                if (o.positions() != null) {
                    csv.printRecord(q.key(), region, o.key(), o.positions().get(0).count(), num(o.firstShare()),
                            low(o.firstCi95()), high(o.firstCi95()), "false");
                } else {
                    csv.printRecord(q.key(), region, o.key(), o.count(), num(o.share()), low(o.ci95()), high(o.ci95()), "false");
                }
            }
        } else if (cell.distribution() != null) {
            for (ValueCount v : cell.distribution()) {
                csv.printRecord(q.key(), region, v.value(), v.count(), num(v.share()), low(v.ci95()), high(v.ci95()), "false");
            }
        } else {
            csv.printRecord(q.key(), region, "", cell.n(), "", "", "", "false");
        }
    }

    private static String num(Double value) {
        return value == null ? "" : Double.toString(value);
    }

    private static String low(double[] ci) {
        return ci == null ? "" : Double.toString(ci[0]);
    }

    private static String high(double[] ci) {
        return ci == null ? "" : Double.toString(ci[1]);
    }
}
