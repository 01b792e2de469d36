package org.viche.codes;

import java.security.SecureRandom;

/**
 * Crockford's base32, the alphabet of every code a person has to copy: receipts and
 * invitation codes. No I, L, O or U, so nothing reads as another symbol; when reading,
 * case, spaces and dashes are ignored and O, I and L are taken for 0, 1 and 1.
 */
public final class Crockford {

    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int BASE = ALPHABET.length();

    private static final SecureRandom RANDOM = new SecureRandom();

    private Crockford() {
    }

    /** {@code length} symbols from a cryptographic random source: 5 bits each. */
    public static String random(int length) {
        StringBuilder symbols = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            symbols.append(ALPHABET.charAt(RANDOM.nextInt(BASE)));
        }
        return symbols.toString();
    }

    /** Symbols in groups of {@code size} joined by dashes: {@code ABCD-EFGH}. */
    public static String group(String symbols, int size) {
        StringBuilder grouped = new StringBuilder(symbols.length() + symbols.length() / size);
        for (int i = 0; i < symbols.length(); i++) {
            if (i > 0 && i % size == 0) {
                grouped.append('-');
            }
            grouped.append(symbols.charAt(i));
        }
        return grouped.toString();
    }

    /**
     * What a person typed, reduced to bare upper-case symbols, or {@code null} if it holds
     * anything that is not a symbol, a space or a dash.
     */
    public static String normalise(String typed) {
        if (typed == null || typed.length() > 100) {
            return null;
        }
        StringBuilder symbols = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = Character.toUpperCase(typed.charAt(i));
            if (c == ' ' || c == '-') {
                continue;
            }
            c = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
            symbols.append(c);
        }
        return symbols.toString();
    }

    /** The value (0-31) of a symbol of {@link #ALPHABET}. */
    public static int value(char symbol) {
        return ALPHABET.indexOf(symbol);
    }
}
