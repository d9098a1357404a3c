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

    @Test
    void stopsAtItsBudgetOnARidgeThatFallsForever() {
        // falls towards x0 -> infinity ever more slowly, as a likelihood whose maximum lies at the bound
        long[] calls = {0};
        NelderMead.Tolerance budget = new NelderMead.Tolerance(1e-13, 0, 1e-9, 500);
        double[] x = NelderMead.minimise(p -> {
            calls[0]++;
            return Math.exp(-p[0] / 1000) + p[1] * p[1];
        }, new double[] {0, 1}, 0.5, budget);
        assertThat(calls[0]).isLessThanOrEqualTo(502);
        assertThat(x[0]).isPositive();
    }

    @Test
    void aValueToleranceAloneEndsTheSearchWhenTheValuesAgree() {
        long[] calls = {0};
        NelderMead.Tolerance loose = new NelderMead.Tolerance(0, 1e-3, Double.POSITIVE_INFINITY, 10_000);
        double[] x = NelderMead.minimise(p -> {
            calls[0]++;
            return Math.pow(p[0] - 3, 2) + Math.pow(p[1] + 1, 2);
        }, new double[] {0, 0}, 0.5, loose);
        assertThat(x[0]).isCloseTo(3, within(0.05));
        assertThat(x[1]).isCloseTo(-1, within(0.05));
        long looseCalls = calls[0];
        calls[0] = 0;
        NelderMead.minimise(p -> {
            calls[0]++;
            return Math.pow(p[0] - 3, 2) + Math.pow(p[1] + 1, 2);
        }, new double[] {0, 0}, 0.5);
        assertThat(looseCalls).isLessThan(calls[0] / 2);
    }
}
