package org.viche.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
}
