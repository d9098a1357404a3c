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

    /**
     * When to stop: the simplex's values within {@code relativeValue} of the best (relative, at
     * least {@code absoluteValue}) and its points within {@code parameter} of it along every axis,
     * or after {@code maxEvaluations} evaluations in all.
     *
     * @param relativeValue the spread of values allowed, relative to the best value
     * @param absoluteValue the spread of values allowed in any case
     * @param parameter the spread of the points allowed along each axis
     * @param maxEvaluations the evaluations allowed over all restarts
     */
    public record Tolerance(double relativeValue, double absoluteValue, double parameter, long maxEvaluations) {
        /**
         * As tight as doubles allow, for data small enough that each evaluation is cheap; 10,000
         * evaluations at most (a fit needs a few hundred; one whose likelihood rises towards the bound
         * would crawl along the ridge for minutes).
         */
        public static final Tolerance TIGHT = new Tolerance(1e-13, 0, 1e-9, 10_000);
    }

    private NelderMead() {}

    /**
     * {@link #minimise(ToDoubleFunction, double[], double, Tolerance)} with {@link Tolerance#TIGHT}.
     *
     * @param f the function to minimise
     * @param start the starting point
     * @param step the initial size of the simplex along each axis
     * @return the best point found
     */
    public static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double step) {
        return minimise(f, start, step, Tolerance.TIGHT);
    }

    /**
     * The point minimising {@code f}, starting from {@code start}. A non-finite value of {@code f}
     * counts as worse than any finite one, so {@code f} may return infinity outside its domain.
     *
     * @param f the function to minimise
     * @param start the starting point
     * @param step the initial size of the simplex along each axis
     * @param tolerance when to stop
     * @return the best point found
     */
    public static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double step, Tolerance tolerance) {
        double[] best = start.clone();
        double bestValue = value(f, best);
        long[] evaluations = {1};
        for (int restart = 0; restart < MAX_RESTARTS && evaluations[0] < tolerance.maxEvaluations(); restart++) {
            double[] next = run(f, best, step, tolerance, evaluations);
            double nextValue = value(f, next);
            evaluations[0]++;
            boolean improved = nextValue < bestValue - Math.max(tolerance.absoluteValue(),
                    10 * tolerance.relativeValue() * Math.max(1, Math.abs(bestValue)));
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

    private static double[] run(ToDoubleFunction<double[]> f, double[] start, double step, Tolerance tolerance,
            long[] total) {
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
        while (evaluations < MAX_EVALUATIONS_PER_RUN && total[0] + evaluations < tolerance.maxEvaluations()) {
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
            if (converged(simplex, values, tolerance)) {
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
        total[0] += evaluations;
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

    private static boolean converged(double[][] simplex, double[] values, Tolerance tolerance) {
        int n = simplex.length - 1;
        if (Math.abs(values[n] - values[0]) > Math.max(tolerance.absoluteValue(),
                tolerance.relativeValue() * Math.max(1, Math.abs(values[0])))) {
            return false;
        }
        for (int i = 1; i <= n; i++) {
            for (int k = 0; k < simplex[0].length; k++) {
                if (Math.abs(simplex[i][k] - simplex[0][k]) > tolerance.parameter()) {
                    return false;
                }
            }
        }
        return true;
    }
}
