package org.viche.error;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What enums of translatable problems share: an English sentence with {@code {0}}, {@code {1}}
 * placeholders, filled in for the API, and a stable code derived from the constant's name that
 * pages turn into a sentence of their own language.
 */
public final class ProblemText {

    private ProblemText() {
    }

    /** {@code SCALE_MIN_REQUIRED} becomes {@code scaleMinRequired}. */
    public static String code(Enum<?> constant) {
        StringBuilder code = new StringBuilder();
        for (String word : constant.name().toLowerCase(Locale.ROOT).split("_")) {
            code.append(code.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return code.toString();
    }

    /** How many values a sentence takes ({@code {0}}, {@code {1}}). */
    public static int arity(String english) {
        int n = 0;
        while (english.contains("{" + n + "}")) {
            n++;
        }
        return n;
    }

    public static List<String> values(Object... args) {
        return Arrays.stream(args).map(String::valueOf).toList();
    }

    public static String fill(String english, List<String> values) {
        String message = english;
        for (int i = 0; i < values.size(); i++) {
            message = message.replace("{" + i + "}", values.get(i));
        }
        return message;
    }
}
