package org.viche.web;

import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;

/**
 * Names and ids of the form's inputs, in one place so that the page that renders them, the
 * converter that reads them back, and the error summary that links to them cannot drift apart.
 * Names follow the API's error fields ({@code answers.<key>}, {@code region}) so a validation
 * error's field is also the name of the input it concerns.
 */
final class FormFields {

    static final String REGION = "region";
    static final String INVITATION = "invitation";
    static final String LANGUAGE = "language";
    /**
     * The trap for programs that fill every field: hidden from sight, skipped by the tab key,
     * labelled for screen-reader users as a field to leave empty. Not a name browsers autofill.
     */
    static final String HONEYPOT = "homepage";
    static final String ANSWERS = "answers.";
    /** The form's one-time key, drawn when it is shown: a resend of the same form stores nothing twice. */
    static final String SUBMISSION = "submission";

    private FormFields() {
    }

    static String name(Question q) {
        return ANSWERS + q.key();
    }

    /** One {@code <select>} per ranked option. Keys are [a-z0-9_], so the dot is unambiguous. */
    static String rankName(Question q, Option o) {
        return ANSWERS + q.key() + "." + o.key();
    }

    static String id(Question q) {
        return "q-" + q.key();
    }

    static String inputId(Question q, String value) {
        return "q-" + q.key() + "-" + (value.isEmpty() ? "none" : value);
    }
}
