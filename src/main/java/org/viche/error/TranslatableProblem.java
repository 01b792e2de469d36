package org.viche.error;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What enums of translatable problems share ({@code DefinitionProblem}, {@link ServiceProblem}):
 * an English sentence with {@code {0}}, {@code {1}} placeholders, filled in for the API, and a
 * stable code derived from the constant's name that pages turn into a sentence of their own
 * language, taking the same values.
 */
public interface TranslatableProblem {

    /** The constant's name (enums provide it). */
    String name();

    /** The coarse {@link FieldError#code()} the API's errors have always carried. */
    String reason();

    /** The sentence the API returns, with {@code {0}}, {@code {1}} for its values. */
    String english();

    /** The stable code pages translate: the constant's name in camel case ({@code scaleMinRequired}). */
    default String code() {
        StringBuilder code = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            code.append(code.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return code.toString();
    }

    /** How many values its sentence takes. */
    default int arity() {
        int n = 0;
        while (english().contains("{" + n + "}")) {
            n++;
        }
        return n;
    }

    /** The problem at {@code field} (null: the whole request), its sentence filled in and its values kept for translation. */
    default FieldError at(String field, Object... args) {
        List<String> values = Arrays.stream(args).map(String::valueOf).toList();
        String message = english();
        for (int i = 0; i < values.size(); i++) {
            message = message.replace("{" + i + "}", values.get(i));
        }
        return new FieldError(field, reason(), message, code(), values);
    }
}
