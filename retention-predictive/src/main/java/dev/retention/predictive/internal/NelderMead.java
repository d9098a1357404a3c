package dev.retention.predictive.internal;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Minimises a function of a few variables with the Nelder-Mead simplex method, restarted from the
 * best point until a restart no longer improves it (a simplex can collapse before the minimum).
 * Deterministic: the same function and start give the same point.
 */
public final class NelderMead {
    private static final int MAX_EVALUATIONS_PER_RUN = 20_000;
    private static final int MAX_RESTARTS = 20;

    private NelderMead() {}

    /**
     * The point minimising {@code f}, starting from {@code start}. A non-finite value of {@code f}
     * counts as worse than any finite one, so {@code f} may return infinity outside its domain.
     *
     * @param f the function to minimise
     * @param start the starting point
     * @param step the initial size of the simplex along each axis
     * @return the best point found
     */
    public static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double step) {
        double[] best = start.clone();
        double bestValue = value(f, best);
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            double[] next = run(f, best, step);
            double nextValue = value(f, next);
            boolean improved = nextValue < bestValue - 1e-12 * Math.max(1, Math.abs(bestValue));
            if (nextValue < bestValue) {
                best = next;
                bestValue = nextValue;
            }
            if (!improved && restart > 0) {
                break;
            }
            step = Math.max(step / 10, 1e-4);
        }
        return best;
    }

    private static double value(ToDoubleFunction<double[]> f, double[] x) {
        double v = f.applyAsDouble(x);
        return Double.isFinite(v) ? v : Double.MAX_VALUE;
    }

    private static double[] run(ToDoubleFunction<double[]> f, double[] start, double step) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            simplex[i + 1] = start.clone();
            simplex[i + 1][i] += step;
        }
        for (int i = 0; i <= n; i++) {
            values[i] = value(f, simplex[i]);
        }
        int evaluations = n + 1;
        Integer[] order = new Integer[n + 1];
        while (evaluations < MAX_EVALUATIONS_PER_RUN) {
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (i, j) -> Double.compare(values[i], values[j]));
            double[][] sorted = new double[n + 1][];
            double[] sortedValues = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                sorted[i] = simplex[order[i]];
                sortedValues[i] = values[order[i]];
            }
            System.arraycopy(sorted, 0, simplex, 0, n + 1);
            System.arraycopy(sortedValues, 0, values, 0, n + 1);
            if (converged(simplex, values)) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    centroid[k] += simplex[i][k] / n;
                }
            }
            double[] reflected = along(centroid, simplex[n], -1);
            double fr = value(f, reflected);
            evaluations++;
            if (fr < values[0]) {
                double[] expanded = along(centroid, simplex[n], -2);
                double fe = value(f, expanded);
                evaluations++;
                if (fe < fr) {
                    simplex[n] = expanded;
                    values[n] = fe;
                } else {
                    simplex[n] = reflected;
                    values[n] = fr;
                }
            } else if (fr < values[n - 1]) {
                simplex[n] = reflected;
                values[n] = fr;
            } else {
                boolean outside = fr < values[n];
                double[] contracted = along(centroid, simplex[n], outside ? -0.5 : 0.5);
                double fc = value(f, contracted);
                evaluations++;
                if (fc < Math.min(fr, values[n])) {
                    simplex[n] = contracted;
                    values[n] = fc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = along(simplex[0], simplex[i], 0.5);
                        values[i] = value(f, simplex[i]);
                    }
                    evaluations += n;
                }
            }
        }
        int bestIndex = 0;
        for (int i = 1; i <= n; i++) {
            if (values[i] < values[bestIndex]) {
                bestIndex = i;
            }
        }
        return simplex[bestIndex];
    }

    /** centroid + t * (point - centroid). */
    private static double[] along(double[] centroid, double[] point, double t) {
        double[] x = new double[centroid.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = centroid[k] + t * (point[k] - centroid[k]);
        }
        return x;
    }

    private static boolean converged(double[][] simplex, double[] values) {
        int n = simplex.length - 1;
        if (Math.abs(values[n] - values[0]) > 1e-13 * Math.max(1, Math.abs(values[0]))) {
            return false;
        }
        for (int i = 1; i <= n; i++) {
            for (int k = 0; k < simplex[0].length; k++) {
                if (Math.abs(simplex[i][k] - simplex[0][k]) > 1e-9) {
                    return false;
                }
            }
        }
        return true;
    }
}
