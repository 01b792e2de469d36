package org.viche.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralsTest {

    private static String answers(long n) {
        return n + " " + Plurals.slavicPlural(n, "відповідь", "відповіді", "відповідей");
    }

    @Test
    void ukrainianAndRussianTakeThreeForms() {
        assertEquals("1 відповідь", answers(1));
        assertEquals("2 відповіді", answers(2));
        assertEquals("4 відповіді", answers(4));
        assertEquals("5 відповідей", answers(5));
        assertEquals("0 відповідей", answers(0));
        assertEquals("11 відповідей", answers(11));
        assertEquals("12 відповідей", answers(12));
        assertEquals("14 відповідей", answers(14));
        assertEquals("21 відповідь", answers(21));
        assertEquals("22 відповіді", answers(22));
        assertEquals("111 відповідей", answers(111));
        assertEquals("1021 відповідь", answers(1021));
    }

    @Test
    void englishTakesTheSingularForOneOnly() {
        assertEquals("answer", Plurals.englishPlural(1, "answer", "answers"));
        assertEquals("answers", Plurals.englishPlural(0, "answer", "answers"));
        assertEquals("answers", Plurals.englishPlural(21, "answer", "answers"));
    }
}
