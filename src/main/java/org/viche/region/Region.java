package org.viche.region;

import java.time.LocalDate;
import java.util.Map;

/** One subdivision of a region scheme, with its names and the population used for weighting. */
public record Region(String code, Map<String, String> names, String kind, long population,
        LocalDate populationDate, String notes) {

    /** The name in {@code language}, falling back to English, then to the code. */
    public String name(String language) {
        String name = names.get(language);
        if (name == null || name.isBlank()) {
            name = names.get("en");
        }
        return name == null || name.isBlank() ? code : name;
    }

    /** False for the scheme's answers that are not places ("outside Ukraine", "prefer not to say"). */
    public boolean isPlace() { return !"abroad".equals(kind) && !"undisclosed".equals(kind); }
}
