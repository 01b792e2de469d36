package org.viche.error;

/**
 * Every refusal of the authoring services (surveys, tokens, invitation codes) that a person can
 * meet in the console, beside the definition validator's own ({@code DefinitionProblem}). Each
 * keeps the English sentence the API has always returned, word for word, and adds a stable code
 * that the console translates (its {@code admin_refusal_<code>} text takes the same values).
 * A refusal without a field (a conflict) carries the code on the {@link ApiException} itself;
 * neither the code nor its values are ever published.
 */
public enum ServiceProblem implements TranslatableProblem {
    SLUG_TAKEN(null, "A survey with slug '{0}' already exists."),
    SLUG_MISMATCH("slugMismatch", "must equal the slug in the address ('{0}')"),
    CHANGE_NOT_DRAFT(null, "Survey '{0}' is {1}; only a DRAFT survey can be changed, so that collected answers keep their meaning."),
    OPEN_NOT_DRAFT(null, "Survey '{0}' is {1}; only a DRAFT survey can be opened."),
    CLOSE_NOT_OPEN(null, "Survey '{0}' is {1}; only an OPEN survey can be closed."),
    TOKEN_NAME_REQUIRED("required", "is required (at most 200 characters)"),
    TOKEN_ROLE_UNKNOWN("unknownValue", "must be one of admin, researcher, partner"),
    TOKEN_SCOPE_NOT_ALLOWED("notAllowed", "only partner tokens are scoped to surveys"),
    TOKEN_EXPIRY_PAST("inThePast", "must be in the future"),
    CODES_COUNT_OUT_OF_RANGE("outOfRange", "must be a whole number from 1 to {0}"),
    CODES_OPEN_ACCESS(null, "Survey '{0}' is open to everyone (access OPEN): it takes no invitation codes."),
    CODES_SURVEY_CLOSED(null, "Survey '{0}' is closed: new codes could never be used.");

    /** The {@link FieldError#code()} of a field's problem; "refused" for a refusal of the whole request. */
    private final String reason;
    private final String english;

    ServiceProblem(String reason, String english) {
        this.reason = reason == null ? "refused" : reason;
        this.english = english;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public String english() {
        return english;
    }

    /** A 409 whose detail is the English sentence; the code and values travel with it for pages. */
    public ApiException conflict(Object... args) {
        FieldError refusal = at(null, args);
        return new ApiException(409, "Conflict", refusal.message(), refusal);
    }
}
