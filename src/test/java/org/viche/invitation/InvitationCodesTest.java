package org.viche.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.viche.codes.Crockford;

class InvitationCodesTest {

    @Test
    void generatedCodesAreGroupedTypeableAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = InvitationCodes.next();
            assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}"), code);
            assertTrue(InvitationCodes.isWellFormed(code), code);
            seen.add(code);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void everySingleMistypedSymbolIsCaught() {
        for (int round = 0; round < 50; round++) {
            String symbols = InvitationCodes.canonical(InvitationCodes.next()).orElseThrow();
            for (int position = 0; position < symbols.length(); position++) {
                for (char other : Crockford.ALPHABET.toCharArray()) {
                    if (other == symbols.charAt(position)) {
                        continue;
                    }
                    String typo = symbols.substring(0, position) + other + symbols.substring(position + 1);
                    assertFalse(InvitationCodes.isWellFormed(typo), typo + " passes for " + symbols);
                }
            }
        }
    }

    @Test
    void swappedNeighboursAreCaughtExceptTheOnePairLuhnCannotSee() {
        Set<String> missed = new TreeSet<>();
        for (char a : Crockford.ALPHABET.toCharArray()) {
            for (char b : Crockford.ALPHABET.toCharArray()) {
                if (a == b) {
                    continue;
                }
                for (int position = 0; position < InvitationCodes.RANDOM_SYMBOLS - 1; position++) {
                    StringBuilder random = new StringBuilder("0".repeat(InvitationCodes.RANDOM_SYMBOLS));
                    random.setCharAt(position, a);
                    random.setCharAt(position + 1, b);
                    String code = random + String.valueOf(Crockford.ALPHABET.charAt(InvitationCodes.checkValue(random.toString())));
                    random.setCharAt(position, b);
                    random.setCharAt(position + 1, a);
                    String swapped = random + code.substring(InvitationCodes.RANDOM_SYMBOLS);
                    if (InvitationCodes.isWellFormed(swapped)) {
                        missed.add("" + a + b);
                    }
                }
            }
        }
        assertEquals(Set.of("0Z", "Z0"), missed);
    }

    @Test
    void typingIsForgivingAboutCaseSpacesDashesAndLookalikes() {
        String code = InvitationCodes.next();
        String bare = code.replace("-", "");
        assertTrue(InvitationCodes.isWellFormed(code.toLowerCase()));
        assertTrue(InvitationCodes.isWellFormed(" " + bare.substring(0, 7) + " " + bare.substring(7) + " "));
        assertTrue(InvitationCodes.isWellFormed(bare.replace('0', 'O').replace('1', 'l')));
        assertEquals(InvitationCodes.canonical(code), InvitationCodes.canonical(code.toLowerCase().replace("-", " ")));
    }

    @Test
    void anythingElseIsNotACode() {
        String code = InvitationCodes.next();
        assertFalse(InvitationCodes.isWellFormed(null));
        assertFalse(InvitationCodes.isWellFormed(""));
        assertFalse(InvitationCodes.isWellFormed(code.substring(0, code.length() - 1)));
        assertFalse(InvitationCodes.isWellFormed(code + "0"));
        assertFalse(InvitationCodes.isWellFormed(code.replace('-', '_')));
        assertFalse(InvitationCodes.isWellFormed(code.substring(0, 5) + "U" + code.substring(6)));
    }

    @Test
    void theStoredFormIsAHashOfTheCanonicalSymbols() {
        String code = InvitationCodes.next();
        byte[] hash = InvitationCodes.hash(InvitationCodes.canonical(code).orElseThrow());
        assertEquals(32, hash.length);
        assertTrue(java.util.Arrays.equals(hash, InvitationCodes.hash(InvitationCodes.canonical(code.toLowerCase()).orElseThrow())));
    }
}
