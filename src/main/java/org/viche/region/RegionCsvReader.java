package org.viche.region;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a region scheme file: {@code code,name_en,name_uk,name_ru,kind,population,population_date,notes}.
 * Extra {@code name_xx} columns are picked up as further languages.
 */
final class RegionCsvReader {

    private RegionCsvReader() {
    }

    static RegionScheme read(String schemeCode, Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<Region> regions = new ArrayList<>();
        for (CSVRecord row : format.parse(reader)) {
            Map<String, String> names = new LinkedHashMap<>();
            for (String column : row.getParser().getHeaderNames()) {
                if (column.startsWith("name_") && !row.get(column).isBlank()) {
                    names.put(column.substring("name_".length()), row.get(column));
                }
            }
            String date = row.isMapped("population_date") ? row.get("population_date") : "";
            String notes = row.isMapped("notes") ? row.get("notes") : "";
            String population = row.get("population");
            // the answers that are not places (abroad, undisclosed) have no population
            regions.add(new Region(row.get("code"), Map.copyOf(names), row.get("kind"),
                    population.isBlank() ? 0 : Long.parseLong(population),
                    date.isBlank() ? null : LocalDate.parse(date), notes.isBlank() ? null : notes));
        }
        if (regions.isEmpty()) {
            throw new IOException("Region scheme " + schemeCode + " has no regions");
        }
        return new RegionScheme(schemeCode, regions);
    }
}
