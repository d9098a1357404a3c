package dev.retention.predictive.internal;

/**
 * The special functions the models need, in log space where the values overflow a double: the log
 * gamma function (Lanczos), its derivative the digamma function, and the Gauss hypergeometric function 2F1 by its power series.
 */
public final class SpecialFunctions {
    private static final double LANCZOS_G = 7;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    };
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final int MAX_TERMS = 1_000_000;

    private SpecialFunctions() {}

    /**
     * ln Γ(x) for x &gt; 0, to about 15 significant digits.
     *
     * @param x a positive number
     * @return ln Γ(x); NaN for x &lt;= 0 or NaN
     */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        if (x < 0.5) {
            // Γ(x) = Γ(x + 1) / x keeps the Lanczos sum in its accurate range
            return logGamma(x + 1) - Math.log(x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + LANCZOS_G + 0.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /**
     * The digamma function ψ(x) = d ln Γ(x) / dx for x &gt; 0, to about 14 significant digits: the
     * recurrence ψ(x) = ψ(x + 1) - 1 / x up to x &gt;= 10, then the asymptotic series.
     *
     * @param x a positive number
     * @return ψ(x); NaN for x &lt;= 0 or NaN
     */
    public static double digamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        double result = 0;
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        double inv2 = 1 / (x * x);
        return result + Math.log(x) - 0.5 / x
                - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
    }

    /**
     * ln 2F1(a, b; c; z) for 0 &lt;= z &lt; 1 by summing the power series, whose terms are rescaled
     * as they grow so that large parameters do not overflow. The sum must be positive, which holds
     * whenever a, b and c are positive.
     *
     * @param a first numerator parameter
     * @param b second numerator parameter
     * @param c denominator parameter, not zero or a negative integer
     * @param z the argument, in [0, 1)
     * @return ln 2F1(a, b; c; z); positive infinity when the series does not converge within a
     *     million terms, NaN when the sum is not positive
     */
    public static double logHyp2f1(double a, double b, double c, double z) {
        double[] signed = signedLogHyp2f1(a, b, c, z);
        return signed[0] > 0 || Double.isInfinite(signed[1]) ? signed[1] : Double.NaN;
    }

    /**
     * 2F1(a, b; c; z) for 0 &lt;= z &lt; 1 as its sign and the logarithm of its absolute value, by
     * the same rescaled power series as {@link #logHyp2f1}. A negative {@code c} (not an integer)
     * can make the sum negative, as it does in the BG/NBD expectation when a + b + x &lt; 1.
     *
     * @param a first numerator parameter
     * @param b second numerator parameter
     * @param c denominator parameter, not zero or a negative integer
     * @param z the argument, in [0, 1)
     * @return {sign (1, -1 or 0), ln |2F1|}; ln |2F1| is positive infinity when the series does not
     *     converge within a million terms, and both are NaN when {@code z} is outside [0, 1)
     */
    public static double[] signedLogHyp2f1(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double logScale = 0;
        double sum = 1;
        double term = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum) && Math.abs((a + n) * (b + n) * z) < Math.abs((c + n) * (n + 1))) {
                return new double[] {Math.signum(sum), sum == 0 ? Double.NEGATIVE_INFINITY : logScale + Math.log(Math.abs(sum))};
            }
            if (Math.abs(sum) > 1e250) {
                // rescale: keep the running sum and the term in range, the scale in log space
                logScale += Math.log(Math.abs(sum));
                term /= Math.abs(sum);
                sum = Math.signum(sum);
            }
        }
        return new double[] {1, Double.POSITIVE_INFINITY};
    }
}
