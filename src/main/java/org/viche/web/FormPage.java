package org.viche.web;

import java.util.List;

/**
 * The survey form as the template draws it: every widget already knows its labels, its
 * current value (when the form comes back with errors) and its messages, so the template
 * has no decisions left to make. {@code submissionKey}: the form's one-time key (see
 * {@link FormFields#SUBMISSION}).
 */
public record FormPage(SurveyHead survey, String action, QuestionField region, QuestionField invitation,
        List<QuestionField> questions, List<SummaryItem> errors, String submissionKey) {

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** One entry of the error summary; {@code href} is null for problems without an input. */
    public record SummaryItem(String href, String text) {
    }

    /**
     * One question (or the region / invitation field). {@code widget} is {@code choices}
     * (radios or checkboxes), {@code ranking}, {@code text} (a textarea), {@code select} or
     * {@code input}; only the lists that widget uses are filled.
     */
    public record QuestionField(String widget, String id, String name, String number, String legend,
            boolean required, boolean htmlRequired, List<String> hints, String hintId, List<String> errors,
            String errorId, String describedBy, String firstInputId, String inputType, boolean inline,
            List<Choice> choices, List<RankRow> ranks, List<SelectOption> options, String value, Integer maxLength) {

        public boolean invalid() {
            return !errors.isEmpty();
        }

        public boolean grouped() {
            return !widget.equals("select") && !widget.equals("input");
        }
    }

    /** A radio or checkbox; {@code detail} carries a scale end's label ("Not at all"). */
    public record Choice(String id, String value, String label, String detail, boolean checked) {
    }

    public record SelectOption(String value, String label, boolean selected) {
    }

    /** One option of a ranking question with its position picker. */
    public record RankRow(String id, String name, String label, List<SelectOption> positions) {
    }
}
