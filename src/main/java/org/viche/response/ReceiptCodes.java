package org.viche.response;

import java.security.SecureRandom;

/**
 * Receipts: 80 random bits in Crockford's base32 (no I, L, O, U), grouped in fours —
 * unguessable, yet short enough to copy from a phone screen or read over the phone.
 */
public final class ReceiptCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
