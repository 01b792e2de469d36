package org.viche.admin;

import java.util.Arrays;
import java.util.List;

import org.viche.error.FieldError;
import org.viche.web.Messages;

/**
 * Problems as the console shows them: in the console's language where the bundles have the
 * problem's sentence ({@code admin.validation.<textCode>}, its arguments filled in), else in the
 * service's English, which is still better than nothing. Only the message changes: the field
 * path stays, so each problem still sits beside its input.
 */
final class ConsoleErrors {

    static final String PREFIX = "admin.validation.";

    private ConsoleErrors() {
    }

    static List<FieldError> in(Messages msg, List<FieldError> errors) {
        return errors.stream().map(e -> in(msg, e)).toList();
    }

    private static FieldError in(Messages msg, FieldError e) {
        if (e.textCode() == null || !msg.has(PREFIX + e.textCode())) {
            return e;
        }
        return new FieldError(e.field(), e.code(), msg.format(PREFIX + e.textCode(), e.args().toArray()), e.textCode(), e.args());
    }

    /** A problem found by the console itself (not the service), with its sentence in the bundles. */
    static FieldError own(String field, String textCode, String english, Object... args) {
        return new FieldError(field, textCode, english, textCode, Arrays.stream(args).map(String::valueOf).toList());
    }
}
