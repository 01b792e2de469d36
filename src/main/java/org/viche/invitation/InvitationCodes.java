package org.viche.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import org.viche.codes.Crockford;

/**
 * Invitation codes as people receive and type them: {@code XXXXX-XXXXX-XXXXX}, fourteen
 * random Crockford symbols (70 bits: unguessable, and too many to search by hashing) and
 * one check symbol (Luhn mod 32), which catches every single mistyped symbol and almost
 * every swap of two neighbours before anything is sent. Three groups of five, so a code
 * never looks like a receipt (four groups of four).
 *
 * <p>Only the SHA-256 of the bare symbols is stored: with 70 random bits there is nothing to
 * brute-force, so a slow password hash would buy nothing.
 */
public final class InvitationCodes {

    static final int RANDOM_SYMBOLS = 14;
    static final int SYMBOLS = RANDOM_SYMBOLS + 1;
    static final int GROUP = 5;

    private InvitationCodes() {
    }

    public static String next() {
        String random = Crockford.random(RANDOM_SYMBOLS);
        return Crockford.group(random + Crockford.ALPHABET.charAt(checkValue(random)), GROUP);
    }

    /**
     * Whether {@code typed} can be a code at all: right length, only code symbols (case,
     * spaces and dashes ignored) and a matching check symbol. For the form, before sending.
     */
    public static boolean isWellFormed(String typed) {
        return canonical(typed).isPresent();
    }

    /** The stored form of a typed code (what a submission is checked against), if it is well-formed. */
    public static Optional<byte[]> hashOf(String typed) {
        return canonical(typed).map(InvitationCodes::hash);
    }

    /** The bare upper-case symbols of a well-formed code: what is hashed. */
    static Optional<String> canonical(String typed) {
        String symbols = Crockford.normalise(typed);
        if (symbols == null || symbols.length() != SYMBOLS) {
            return Optional.empty();
        }
        int check = Crockford.value(symbols.charAt(RANDOM_SYMBOLS));
        return checkValue(symbols.substring(0, RANDOM_SYMBOLS)) == check ? Optional.of(symbols) : Optional.empty();
    }

    /** The stored form of a code: SHA-256 of its canonical symbols. */
    static byte[] hash(String canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Luhn mod N (N = 32) over the symbols' values: the value that makes the whole code sum to 0. */
    static int checkValue(String symbols) {
        int n = Crockford.BASE;
        int sum = 0;
        boolean doubled = true;
        for (int i = symbols.length() - 1; i >= 0; i--) {
            int addend = Crockford.value(symbols.charAt(i)) * (doubled ? 2 : 1);
            sum += addend / n + addend % n;
            doubled = !doubled;
        }
        return (n - sum % n) % n;
    }
}
