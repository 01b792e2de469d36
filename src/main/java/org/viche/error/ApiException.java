package org.viche.error;

import java.util.List;

/**
 * A refusal the service means to give: carries the HTTP status, a short title, a
 * human-readable detail and, for validation failures, every offending field.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Integer retryAfterSeconds;
    /** For a refusal without field errors: its detail as a problem a page can translate; never published. */
    private final FieldError refusal;

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of(), null);
    }

    public ApiException(int status, String title, String detail, List<FieldError> errors, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
        this.refusal = new FieldError(null, "refused", detail);
    }

    /** A refusal of the whole request whose detail pages can say in their own language ({@link ServiceProblem}). */
    ApiException(int status, String title, String detail, FieldError refusal) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.of();
        this.retryAfterSeconds = null;
        this.refusal = refusal;
    }

    public static ApiException validation(String detail, List<FieldError> errors) {
        return new ApiException(422, "Validation failed", detail, errors, null);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** What a page shows: the field errors, else the detail as one problem (with its text code if it has one). */
    public List<FieldError> problems() {
        return errors.isEmpty() ? List.of(refusal) : errors;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Problem toProblem() {
        return errors.isEmpty()
                ? Problem.of(status, title, getMessage())
                : Problem.withErrors(status, title, getMessage(), errors);
    }
}
