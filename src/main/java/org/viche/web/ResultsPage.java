package org.viche.web;

import java.util.List;

/**
 * The results page as its template draws it: every figure already formatted for the page
 * language, suppressed cells already worded, so the template only lays things out.
 */
public record ResultsPage(SurveyHead survey, boolean published, String responses, String asOf,
        List<QuestionBlock> questions, Methodology methodology, String csvHref, String jsonHref, String formHref,
        String codebookHref) {

    /**
     * One question: its chart (choice, scale and ranking questions), its table, and how to read them.
     * {@code hidden} is one line naming the regions hidden to protect respondents; {@code noneFrom}
     * names the regions without answers, folded away under {@code noneFromSummary}.
     */
    public record QuestionBlock(String number, String key, String text, String noData, BarChart chart, DataTable table,
            List<String> notes, String hidden, String noneFromSummary, String noneFrom) {

        public String tableId() {
            return "table-" + key;
        }
    }

    /** Rows are the overall figure, the weighted overall figure, then each region with answers. */
    public record DataTable(String caption, List<String> columns, List<DataRow> rows) {

        /** Columns a suppressed row's message spans: the n column and every value column. */
        public int span() {
            return columns.size() + 1;
        }
    }

    public record DataRow(String label, String n, boolean overall, String suppressed, List<DataCell> cells) {
    }

    public record DataCell(String value, List<String> details) {
    }

    /** The AAPOR-style disclosure that accompanies every published result (statistics.md). */
    public record Methodology(List<Entry> entries, List<String> notes, List<Entry> sample) {
    }

    /** {@code lang}: set when the description falls back to another language than the page's. */
    public record Entry(String term, String description, String lang) {

        public Entry(String term, String description) {
            this(term, description, null);
        }
    }
}
