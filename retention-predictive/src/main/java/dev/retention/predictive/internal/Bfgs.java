package dev.retention.predictive.internal;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Minimises a smooth function of a few variables inside a box with the BFGS quasi-Newton method:
 * the gradient is projected onto the box (a coordinate at a bound that the gradient pushes outwards
 * is held there), and every trial point is clipped to the box and accepted on the Armijo condition
 * after halving the step as often as needed. A likelihood with a closed-form gradient needs a few
 * dozen evaluations where a simplex needs hundreds. Deterministic: the same function and start give
 * the same point.
 */
public final class Bfgs {
    private static final int MAX_HALVINGS = 60;
    private static final double ARMIJO = 1e-4;

    /** A function that computes its value and gradient together. */
    @FunctionalInterface
    public interface Objective {
        /**
         * The value at {@code x}, with the gradient written into {@code gradient}.
         *
         * @param x the point, not to be modified
         * @param gradient where the gradient goes, of {@code x}'s length
         * @return the value; a non-finite value marks a point outside the domain
         */
        double valueAndGradient(double[] x, double[] gradient);
    }

    /**
     * When to stop: the projected gradient's largest component at most {@code gradient} times
     * max(1, |value|), or two steps in a row improving the value by at most {@code relativeValue}
     * times max(1, |value|), or after {@code maxIterations} steps.
     *
     * @param gradient the gradient allowed, relative to the value
     * @param relativeValue the improvement counted as none, relative to the value
     * @param maxIterations the steps allowed
     */
    public record Tolerance(double gradient, double relativeValue, int maxIterations) {
        /** As tight as doubles allow for a log-likelihood; a fit takes a few dozen steps. */
        public static final Tolerance TIGHT = new Tolerance(1e-10, 1e-15, 500);

        /**
         * Validates the tolerance.
         *
         * @throws IllegalArgumentException if a value is negative or the steps not positive
         */
        public Tolerance {
            checkArgument(gradient >= 0, "gradient must be >= 0: %s", gradient);
            checkArgument(relativeValue >= 0, "relativeValue must be >= 0: %s", relativeValue);
            checkArgument(maxIterations > 0, "maxIterations must be positive: %s", maxIterations);
        }
    }

    private Bfgs() {}

    /**
     * The point minimising {@code f} in the box [{@code lower}, {@code upper}] along every axis,
     * starting from {@code start} (clipped to the box).
     *
     * @param f the function, with its gradient
     * @param start the starting point
     * @param lower the lower bound of every coordinate
     * @param upper the upper bound of every coordinate
     * @param tolerance when to stop
     * @return the best point found
     * @throws IllegalArgumentException if {@code f} is not finite at the start or the box is empty
     */
    public static double[] minimise(Objective f, double[] start, double lower, double upper, Tolerance tolerance) {
        checkArgument(lower < upper, "lower must be below upper: %s, %s", lower, upper);
        int n = start.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = clip(start[i], lower, upper);
        }
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        checkArgument(Double.isFinite(fx), "the function must be finite at the start: %s", fx);
        double[][] h = identity(n);
        boolean fresh = true;
        int quietSteps = 0;
        double[] xn = new double[n];
        double[] gn = new double[n];
        for (int iteration = 0; iteration < tolerance.maxIterations(); iteration++) {
            boolean[] held = new boolean[n];
            double[] pg = new double[n];
            double largest = 0;
            for (int i = 0; i < n; i++) {
                held[i] = (x[i] <= lower && g[i] > 0) || (x[i] >= upper && g[i] < 0);
                pg[i] = held[i] ? 0 : g[i];
                largest = Math.max(largest, Math.abs(pg[i]));
            }
            if (!(largest > tolerance.gradient() * Math.max(1, Math.abs(fx)))) {
                break;
            }
            double[] d = direction(h, pg, held);
            double slope = dot(pg, d);
            if (!(slope < 0)) {
                // the curvature estimate went bad: start again from steepest descent
                h = identity(n);
                fresh = true;
                d = direction(h, pg, held);
                slope = dot(pg, d);
            }
            if (fresh) {
                // without a curvature estimate the gradient's scale says nothing about the step's:
                // try at most one unit along any axis
                double longest = 0;
                for (double di : d) {
                    longest = Math.max(longest, Math.abs(di));
                }
                if (longest > 1) {
                    for (int i = 0; i < n; i++) {
                        d[i] /= longest;
                    }
                }
            }
            double fn = Double.NaN;
            double t = 1;
            boolean accepted = false;
            for (int halving = 0; halving < MAX_HALVINGS && !accepted; halving++, t /= 2) {
                double predicted = 0;
                for (int i = 0; i < n; i++) {
                    xn[i] = clip(x[i] + t * d[i], lower, upper);
                    predicted += g[i] * (xn[i] - x[i]);
                }
                fn = f.valueAndGradient(xn, gn);
                accepted = Double.isFinite(fn) && fn <= fx + ARMIJO * predicted;
            }
            if (!accepted) {
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                if (fresh) {
                    // the usual first scaling, so the first update starts from the right size
                    double scale = sy / dot(y, y);
                    h = identity(n);
                    for (int i = 0; i < n; i++) {
                        h[i][i] = scale;
                    }
                    fresh = false;
                }
                update(h, s, y, sy);
            }
            quietSteps = fx - fn <= tolerance.relativeValue() * Math.max(1, Math.abs(fn)) ? quietSteps + 1 : 0;
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            fx = fn;
            if (quietSteps >= 2) {
                break;
            }
        }
        return x;
    }

    private static double clip(double v, double lower, double upper) {
        return Math.max(lower, Math.min(upper, v));
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        return h;
    }

    /** -H g over the coordinates not held at a bound. */
    private static double[] direction(double[][] h, double[] g, boolean[] held) {
        int n = g.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            if (held[i]) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (!held[j]) {
                    d[i] -= h[i][j] * g[j];
                }
            }
        }
        return d;
    }

    /** The inverse-Hessian update H = (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ, ρ = 1 / sᵀy. */
    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double rho = 1 / sy;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                hy[i] += h[i][j] * y[j];
            }
        }
        double yhy = dot(y, hy);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += (1 + rho * yhy) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
            }
        }
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }
}
