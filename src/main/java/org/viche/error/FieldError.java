package org.viche.error;

import java.util.List;

/**
 * One offending input field. {@code field} is a path such as {@code answers.trust} or
 * {@code questions[2].options}; {@code code} is a stable machine-readable reason that
 * pages translate; {@code message} is the English explanation for API clients.
 *
 * <p>Where one reason covers several sentences (a survey definition's "required" problems),
 * {@code textCode} names the exact sentence and {@code args} its values, so that a page can say
 * the same thing in its own language; both are absent otherwise. Neither is published by the API
 * ({@link Problem} carries field and message only).
 */
public record FieldError(String field, String code, String message, String textCode, List<String> args) {

    public FieldError {
        if (message == null) {
            message = code;
        }
        args = args == null ? List.of() : List.copyOf(args);
    }

    public FieldError(String field, String code, String message) {
        this(field, code, message, null, List.of());
    }
}
