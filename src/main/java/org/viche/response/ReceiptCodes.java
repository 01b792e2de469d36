package org.viche.response;

import java.util.Optional;

import org.viche.codes.Crockford;

/**
 * Receipts: 80 random bits in Crockford's base32 (no I, L, O, U), grouped in fours —
 * unguessable, yet short enough to copy from a phone screen or read over the phone.
 */
public final class ReceiptCodes {

    static final int SYMBOLS = 16;
    static final int GROUP = 4;

    private ReceiptCodes() {
    }

    public static String next() {
        return Crockford.group(Crockford.random(SYMBOLS), GROUP);
    }

    /** Whether {@code text} is a receipt exactly as issued (upper case, grouped), e.g. in a link or a cookie. */
    public static boolean isIssuedForm(String text) {
        return text != null && normalise(text).filter(text::equals).isPresent();
    }

    /** A receipt as typed (any case, spaces, dashes) in the form it was issued, if it can be one. */
    public static Optional<String> normalise(String typed) {
        String symbols = Crockford.normalise(typed);
        return symbols == null || symbols.length() != SYMBOLS ? Optional.empty()
                : Optional.of(Crockford.group(symbols, GROUP));
    }
}
