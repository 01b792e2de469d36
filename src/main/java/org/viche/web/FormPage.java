package org.viche.web;

import java.util.List;

/**
 * The survey form as the template draws it: every widget already knows its labels, its
 * current value (when the form comes back with errors) and its messages, so the template
 * has no decisions left to make.
 */
public record FormPage(SurveyHead survey, String action, QuestionField region, QuestionField invitation,
        List<QuestionField> questions, List<SummaryItem> errors, String notice) {

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The same form with a sentence above it saying why it is shown again (an expired form). */
    FormPage withNotice(String text) {
        return new FormPage(survey, action, region, invitation, questions, errors, text);
    }

    /** One entry of the error summary; {@code href} is null for problems without an input. */
    public record SummaryItem(String href, String text) {
    }

    /**
     * One question (or the region / invitation field). {@code widget} names the tag that draws
     * it: {@code choice} (radios), {@code multiple} (checkboxes), {@code scale}, {@code ranking},
     * {@code text} (a textarea), {@code region} (a list) or {@code invitation} (a text input);
     * only the lists that widget uses are filled.
     */
    public record QuestionField(String widget, String id, String name, String number, String legend,
            boolean required, boolean htmlRequired, List<String> hints, String hintId, List<String> errors,
            String errorId, String describedBy, String firstInputId,
            List<Choice> choices, List<RankRow> ranks, List<SelectOption> options, String value, Integer maxLength) {

        public boolean invalid() {
            return !errors.isEmpty();
        }

        public boolean grouped() {
            return !widget.equals("region") && !widget.equals("invitation");
        }

        /**
         * Where the error summary's link lands: the whole question (the fieldset, or the block
         * holding label, hint, message and control), so that the question and what is wrong
         * with it are on screen, not scrolled off above the control.
         */
        public String anchor() {
            return grouped() ? id : id + "-question";
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
