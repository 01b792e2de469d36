package org.viche.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Expected values: R, prop.test(x, n, correct = FALSE)$conf.int. */
class WilsonTest {

    @Test
    void matchesRForThirtyOfAHundred() {
        assertArrayEquals(new double[] {0.2189489, 0.3958485}, Wilson.interval(0.3, 100), 1e-6);
    }

    @Test
    void doesNotCollapseAtZero() {
        assertArrayEquals(new double[] {0.0, 0.2775328}, Wilson.interval(0.0, 10), 1e-6);
    }

    @Test
    void staysInsideTheUnitIntervalAtOne() {
        assertArrayEquals(new double[] {0.7224672, 1.0}, Wilson.interval(1.0, 10), 1e-6);
    }

    @Test
    void acceptsAFractionalEffectiveSampleSize() {
        assertArrayEquals(new double[] {0.1365456, 0.8634544}, Wilson.interval(0.5, 24.0 / 7.0), 1e-6);
    }

    @Test
    void hasNoIntervalWithoutRespondents() {
        assertNull(Wilson.interval(0, 0));
    }

    @Test
    void isExactlyOneAtOneAndExactlyZeroAtZero() {
        for (double n : new double[] {1, 3, 7, 10, 33.3, 1000, 123457}) {
            assertEquals(1.0, Wilson.interval(1.0, n)[1], 0.0, "upper at p = 1, n = " + n);
            assertEquals(0.0, Wilson.interval(0.0, n)[0], 0.0, "lower at p = 0, n = " + n);
        }
    }
}
