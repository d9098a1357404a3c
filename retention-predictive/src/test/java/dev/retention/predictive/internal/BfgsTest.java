package dev.retention.predictive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BfgsTest {
    private static final Bfgs.Objective ROSENBROCK = (p, g) -> {
        g[0] = -400 * p[0] * (p[1] - p[0] * p[0]) - 2 * (1 - p[0]);
        g[1] = 200 * (p[1] - p[0] * p[0]);
        return 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2);
    };

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        long[] calls = {0};
        double[] x = Bfgs.minimise((p, g) -> {
            calls[0]++;
            return ROSENBROCK.valueAndGradient(p, g);
        }, new double[] {-1.2, 1}, -10, 10, Bfgs.Tolerance.TIGHT);
        assertThat(x[0]).isCloseTo(1, within(1e-6));
        assertThat(x[1]).isCloseTo(1, within(1e-6));
        // a simplex needs hundreds; the gradient is what this class is for
        assertThat(calls[0]).isLessThan(150);
    }

    @Test
    void stopsAtABoundThatTheGradientPushesAgainst() {
        // minimum of (x0 - 5)^2 + (x1 + 1)^2 is outside the box in x0: held at the bound, x1 still found
        double[] x = Bfgs.minimise((p, g) -> {
            g[0] = 2 * (p[0] - 5);
            g[1] = 2 * (p[1] + 1);
            return Math.pow(p[0] - 5, 2) + Math.pow(p[1] + 1, 2);
        }, new double[] {0, 0}, -3, 3, Bfgs.Tolerance.TIGHT);
        assertThat(x[0]).isEqualTo(3);
        assertThat(x[1]).isCloseTo(-1, within(1e-8));
    }

    @Test
    void treatsNonFiniteValuesAsOutsideTheDomain() {
        // infinite left of 2, minimum at 3, a first step that jumps past the wall
        double[] x = Bfgs.minimise((p, g) -> {
            g[0] = 2 * (p[0] - 3);
            return p[0] <= 2 ? Double.POSITIVE_INFINITY : Math.pow(p[0] - 3, 2);
        }, new double[] {2.5}, -10, 10, Bfgs.Tolerance.TIGHT);
        assertThat(x[0]).isCloseTo(3, within(1e-6));
    }

    @Test
    void stopsAtItsBudgetOnASlopeThatFallsForever() {
        long[] calls = {0};
        double[] x = Bfgs.minimise((p, g) -> {
            calls[0]++;
            g[0] = -1 / (1 + p[0] * p[0]);
            return -Math.atan(p[0]);
        }, new double[] {0}, -1e300, 1e300, new Bfgs.Tolerance(0, 0, 50));
        assertThat(x[0]).isGreaterThan(0);
        assertThat(calls[0]).isLessThan(50L * 61 + 2);
    }

    @Test
    void refusesAStartOutsideTheDomain() {
        assertThatThrownBy(() -> Bfgs.minimise((p, g) -> Double.NaN, new double[] {0}, -1, 1, Bfgs.Tolerance.TIGHT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite at the start");
    }
}
