package org.viche.export;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Frictionless Data Package (v1, tabular) describing a survey's two CSV files, so that tools
 * such as frictionless-py, R's {@code frictionless} or Data Curator can load and validate them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataPackage(String profile, String name, String id, String title, String description,
        OffsetDateTime created, List<Resource> resources) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resource(String name, String path, String profile, String title, String description, String format,
            String mediatype, String encoding, Dialect dialect, Schema schema) {
    }

    public record Dialect(String delimiter, String lineTerminator, String quoteChar, boolean doubleQuote,
            boolean header) {

        static final Dialect CSV = new Dialect(",", "\n", "\"", true, true);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schema(List<Field> fields, String primaryKey, List<String> missingValues) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(String name, String type, String format, String title, String description,
            Constraints constraints) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Constraints(Boolean required, @JsonProperty("enum") List<String> allowed, Integer minimum,
            Integer maximum) {
    }
}
