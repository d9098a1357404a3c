package dev.retention.predictive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NelderMeadTest {

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        double[] x = NelderMead.minimise(p -> 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2),
                new double[] {-1.2, 1}, 0.5);
        assertThat(x[0]).isCloseTo(1, within(1e-6));
        assertThat(x[1]).isCloseTo(1, within(1e-6));
    }

    @Test
    void treatsNonFiniteValuesAsWorseThanAnyFiniteOne() {
        // ln-like: infinite left of 2, minimum at 3
        double[] x = NelderMead.minimise(p -> p[0] <= 2 ? Double.POSITIVE_INFINITY : Math.pow(p[0] - 3, 2),
                new double[] {5}, 1);
        assertThat(x[0]).isCloseTo(3, within(1e-6));
    }
}
