package org.viche.error;

import java.util.List;

/**
 * Reads numeric query parameters by hand: a JAX-RS conversion failure would answer a bare
 * 404, while a mistyped {@code ?limit=ten} deserves a 400 problem naming the parameter.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** {@code value} as a whole number from {@code min} to {@code max}; {@code fallback} when absent. */
    public static long inRange(String name, String value, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(400, "Invalid request", "Query parameter '" + name + "' is not usable.",
                List.of(new FieldError(name, "outOfRange", "must be a whole number from " + min + " to " + max)), null);
    }
}
