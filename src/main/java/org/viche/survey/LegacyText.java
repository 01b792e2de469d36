package org.viche.survey;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A text map language → text that also reads the plain strings methodology texts were before
 * they became per language: surveys stored then stay readable, their texts taken as English
 * (the only language those texts were written in). Anything else is read as a map.
 */
final class LegacyText extends JsonDeserializer<Map<String, String>> {

    @Override
    public Map<String, String> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return Map.of("en", parser.getText());
        }
        // the context reads just this value: the parser's own readValueAsTree would apply the
        // whole-document trailing-token check (FAIL_ON_TRAILING_TOKENS) in the middle of a document
        JsonNode node = context.readTree(parser);
        Map<String, String> text = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> text.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : null));
        } else {
            throw context.weirdStringException(String.valueOf(node), Map.class, "a map language → text");
        }
        return text;
    }
}
