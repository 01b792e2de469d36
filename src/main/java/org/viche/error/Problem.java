package org.viche.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document, the body of every 4xx/5xx answer under {@code /api}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<ProblemField> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The field list as published: field and message only (codes stay internal). */
    public record ProblemField(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, null);
    }

    public static Problem withErrors(int status, String title, String detail, List<FieldError> errors) {
        List<ProblemField> fields = errors.stream().map(e -> new ProblemField(e.field(), e.message())).toList();
        return new Problem(typeFor(status), title, status, detail, fields);
    }

    private static String typeFor(int status) {
        return "https://viche.org/problems/" + status;
    }
}
