package org.viche.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The structured editor's form, read back into the definition's JSON: every field is named by
 * its JSON path ({@code questions[0].options[1].text.uk}), so the validator's error paths point
 * straight at the inputs they concern. Empty inputs are left out, as an author would in JSON.
 */
final class DefinitionForm {

    private static final Pattern PATH = Pattern.compile("[A-Za-z]+(\\[\\d{1,3}])?(\\.[A-Za-z]+(\\[\\d{1,3}])?)*");
    private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d{1,3})])?");
    private static final Set<String> NUMBERS = Set.of("maxChoices", "min", "max", "maxLength", "minCellSize");
    private static final Set<String> LISTS = Set.of("regions", "anyOf", "languages");
    /** The editor's own controls, not part of the definition. */
    private static final Set<String> CONTROLS = Set.of("existing", "action", "newType", "lang");

    private DefinitionForm() {
    }

    /** For saving: empty inputs left out, rows left empty dropped. */
    static ObjectNode read(Map<String, List<String>> form) {
        return read(form, false);
    }

    /** {@code keepRows}: for redrawing the form, empty inputs stay, so rows just added are not lost. */
    static ObjectNode read(Map<String, List<String>> form, boolean keepRows) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        form.forEach((name, values) -> {
            if (CONTROLS.contains(name) || !PATH.matcher(name).matches() || values == null || values.isEmpty()) {
                return;
            }
            String last = name.substring(name.lastIndexOf('.') + 1);
            JsonNode value = value(last, values);
            if (value != null) {
                set(root, name, value);
            } else if (keepRows) {
                set(root, name, JsonNodeFactory.instance.textNode(""));
            }
        });
        if (!keepRows) {
            compact(root);
        }
        return root;
    }

    private static JsonNode value(String field, List<String> values) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (LISTS.contains(field)) {
            ArrayNode list = f.arrayNode();
            values.stream().flatMap(v -> Arrays.stream(v.split("[,\\s]+"))).map(String::trim).filter(v -> !v.isEmpty())
                    .forEach(list::add);
            return list.isEmpty() ? null : list;
        }
        String text = values.get(values.size() - 1);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (field.equals("required")) {
            return f.booleanNode(true);
        }
        if (NUMBERS.contains(field) && text.trim().matches("-?\\d{1,9}")) {
            return f.numberNode(Integer.parseInt(text.trim()));
        }
        return f.textNode(text.strip());
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < steps.length; i++) {
            Matcher step = STEP.matcher(steps[i]);
            step.matches();
            String field = step.group(1);
            boolean lastStep = i == steps.length - 1;
            ObjectNode object = (ObjectNode) node;
            if (step.group(2) == null) {
                if (lastStep) {
                    object.set(field, value);
                    return;
                }
                node = object.has(field) && object.get(field).isObject() ? object.get(field) : object.putObject(field);
            } else {
                ArrayNode array = object.has(field) && object.get(field).isArray() ? (ArrayNode) object.get(field) : object.putArray(field);
                int index = Integer.parseInt(step.group(2));
                while (array.size() <= index) {
                    array.addNull();
                }
                if (lastStep) {
                    array.set(index, value);
                    return;
                }
                if (!array.get(index).isObject()) {
                    array.set(index, JsonNodeFactory.instance.objectNode());
                }
                node = array.get(index);
            }
        }
    }

    /** Drops the holes left by removed rows, and objects left empty (a question with no input filled in). */
    private static void compact(JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> compact(e.getValue()));
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = array.size() - 1; i >= 0; i--) {
                compact(array.get(i));
                if (array.get(i).isNull() || array.get(i).isObject() && array.get(i).isEmpty()) {
                    array.remove(i);
                }
            }
        }
    }
}
