package org.viche.region;

import java.time.LocalDate;
import java.util.Map;

/**
 * One subdivision of a region scheme, with its names and the population used for weighting —
 * or one of the two answers that are not places ({@code abroad}, {@code undisclosed}): counted
 * and shown in results, but with no population and outside the weighting.
 */
public record Region(String code, Map<String, String> names, String kind, long population,
        LocalDate populationDate, String notes) {

    public static final String ABROAD = "abroad";
    public static final String UNDISCLOSED = "undisclosed";

    /** False for living abroad and preferring not to say: answers that are not places. */
    public boolean isPlace() {
        return !ABROAD.equals(kind) && !UNDISCLOSED.equals(kind);
    }

    /** The name in {@code language}, falling back to English, then to the code. */
    public String name(String language) {
        String name = names.get(language);
        if (name == null || name.isBlank()) {
            name = names.get("en");
        }
        return name == null || name.isBlank() ? code : name;
    }
}
