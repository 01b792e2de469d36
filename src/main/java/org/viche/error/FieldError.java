package org.viche.error;

/**
 * One offending input field. {@code field} is a path such as {@code answers.trust} or
 * {@code questions[2].options}; {@code code} is a stable machine-readable reason that
 * pages translate; {@code message} is the English explanation for API clients.
 */
public record FieldError(String field, String code, String message) {

    public FieldError {
        if (message == null) {
            message = code;
        }
    }
}
