package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.predictive.internal.Bfgs;
import dev.retention.predictive.internal.SpecialFunctions;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The BG/NBD model of repeat buying (Fader, Hardie and Lee 2005, "Counting your customers the easy
 * way"): while alive, a customer buys as a Poisson process with a rate drawn from Gamma(r, alpha);
 * after each purchase they drop out with a probability drawn from Beta(a, b). Fitted by maximum
 * likelihood on {@link CustomerSummary customer summaries}, it says per customer how likely they
 * are still alive and how many orders to expect, in the time unit of the summaries.
 *
 * <p>Every answer is a defined number, never NaN: a customer without repeat purchases is alive
 * with probability 1 under this model, and a long silence drives P(alive) to 0 without overflow.
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution, in the summaries' time unit
 * @param a first shape of the dropout-probability distribution
 * @param b second shape of the dropout-probability distribution
 */
public record BgNbdModel(double r, double alpha, double a, double b) {
    // the fit searches ln(parameter) in [-BOUND, BOUND], so a degenerate data set (one customer,
    // nobody buying twice) still yields finite parameters
    private static final double BOUND = 15;
    /** Customers per chunk of the likelihood's sum, the unit of parallel work; small, so a sample's fit uses every core. */
    private static final int CHUNK = 1 << 13;
    private static final Comparator<CustomerSummary> CANONICAL = Comparator.comparingLong(CustomerSummary::frequency)
            .thenComparingDouble(CustomerSummary::recency).thenComparingDouble(CustomerSummary::age);

    /**
     * Validates the parameters.
     *
     * @param r the shape of the gamma distribution of purchase rates across customers
     * @param alpha the scale of that gamma distribution, in the summaries' time unit
     * @param a the first shape parameter of the beta distribution of drop-out probabilities
     * @param b the second shape parameter of that beta distribution
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public BgNbdModel {
        checkPositive("r", r);
        checkPositive("alpha", alpha);
        checkPositive("a", a);
        checkPositive("b", b);
    }

    static void checkPositive(String name, double value) {
        checkArgument(Double.isFinite(value) && value > 0, "%s must be positive and finite: %s", name, value);
    }

    /**
     * Fits the model by maximum likelihood (BFGS over the parameters' logarithms, with the likelihood's closed-form gradient). The result
     * does not depend on the order of the summaries.
     *
     * @param summaries the customers, at least one, all in the same time unit
     * @return the fitted model
     * @throws IllegalArgumentException if {@code summaries} is empty
     */
    public static BgNbdModel fit(List<CustomerSummary> summaries) {
        Data data = Data.of(summaries);
        double[] best = Bfgs.minimise((theta, gradient) -> {
            double ll = data.valueAndGradient(theta, gradient);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = -gradient[i];
            }
            return -ll;
        }, new double[4], -BOUND, BOUND, Bfgs.Tolerance.TIGHT);
        return new BgNbdModel(Math.exp(best[0]), Math.exp(best[1]), Math.exp(best[2]), Math.exp(best[3]));
    }

    /**
     * The log-likelihood of the summaries under this model, summed over customers (the figure the
     * literature reports, e.g. -9582.4 for CDNOW).
     *
     * @param summaries the customers
     * @return the log-likelihood
     */
    public double logLikelihood(List<CustomerSummary> summaries) {
        return Data.of(summaries).logLikelihood(
                new double[] {Math.log(r), Math.log(alpha), Math.log(a), Math.log(b)});
    }

    /**
     * The probability that the customer is still alive at the end of their summary's period.
     *
     * @param customer the customer's summary
     * @return P(alive), in [0, 1]; exactly 1 without repeat purchases
     */
    public double probabilityAlive(CustomerSummary customer) {
        requireNonNull(customer, "customer");
        double x = customer.frequency();
        if (x == 0) {
            return 1;
        }
        double logOdds = (r + x) * Math.log((alpha + customer.age()) / (alpha + customer.recency()))
                + Math.log(a / (b + x - 1));
        // exp overflows to infinity for a long silence, and 1 / (1 + infinity) is 0, not NaN
        return 1 / (1 + Math.exp(logOdds));
    }

    /**
     * The expected number of orders in the next {@code t} time units, given the customer's history.
     *
     * @param customer the customer's summary
     * @param t the horizon, in the summaries' time unit
     * @return the expected number of orders, at least 0 and non-decreasing in {@code t}
     * @throws IllegalArgumentException if {@code t} is negative or not finite
     */
    public double expectedOrders(CustomerSummary customer, double t) {
        requireNonNull(customer, "customer");
        checkArgument(Double.isFinite(t) && t >= 0, "t must be finite and >= 0: %s", t);
        if (t == 0) {
            return 0;
        }
        double x = customer.frequency();
        double age = customer.age();
        // at a = 1 the closed form is 0/0; its limit is taken just beside it
        double aa = Math.abs(a - 1) < 1e-6 ? 1 + 1e-6 : a;
        double hypA = r + x;
        double hypB = b + x;
        double hypC = aa + b + x - 1;
        double z = t / (alpha + age + t);
        double logOneMinusZ = Math.log((alpha + age) / (alpha + age + t));
        double[] hyp = SpecialFunctions.signedLogHyp2f1(hypA, hypB, hypC, z);
        if (Double.isInfinite(hyp[1]) && hyp[1] > 0) {
            // Euler's transformation converges where the plain series does not
            hyp = SpecialFunctions.signedLogHyp2f1(hypC - hypA, hypC - hypB, hypC, z);
            hyp[1] += (hypC - hypA - hypB) * logOneMinusZ;
        }
        // 1 - (1 - z)^(r + x) 2F1(...); 2F1 is negative for some parameters with a + b + x < 1
        double logScaled = hyp[1] + (r + x) * logOneMinusZ;
        double bracket = hyp[0] > 0 ? -Math.expm1(logScaled) : hyp[0] < 0 ? 1 + Math.exp(logScaled) : 1;
        double numerator = (aa + b + x - 1) / (aa - 1) * bracket;
        double denominator = 1;
        if (x > 0) {
            denominator += Math.exp(Math.log(aa / (b + x - 1))
                    + (r + x) * Math.log((alpha + age) / (alpha + customer.recency())));
        }
        // rounding can leave a tiny negative where the answer is 0
        return Math.max(0, numerator / denominator);
    }

    /**
     * The summaries grouped by equal (frequency, recency, age), in columns with each triple's
     * count, sorted canonically, with the per-frequency terms computed once per evaluation: at a
     * daily or weekly resolution a shop has far fewer distinct triples than customers. The sum runs
     * over fixed chunks of triples, in parallel, and adds the chunks' sums in order, so it is the
     * same for any order of the input and any number of threads.
     */
    record Data(double[] recency, double[] age, int[] xIndex, double[] weight, double[] distinctX) {

        static Data of(List<CustomerSummary> summaries) {
            requireNonNull(summaries, "summaries");
            checkArgument(!summaries.isEmpty(), "summaries must not be empty");
            // a canonical order makes the sum, and so the fit, the same for any order of the input
            CustomerSummary[] sorted = summaries.toArray(CustomerSummary[]::new);
            for (CustomerSummary s : sorted) {
                requireNonNull(s, "summary");
            }
            java.util.Arrays.parallelSort(sorted, CANONICAL);
            int groups = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || CANONICAL.compare(sorted[i - 1], sorted[i]) != 0) {
                    groups++;
                }
            }
            double[] recency = new double[groups];
            double[] age = new double[groups];
            double[] weight = new double[groups];
            long[] frequency = new long[groups];
            int g = -1;
            for (int i = 0; i < sorted.length; i++) {
                CustomerSummary s = sorted[i];
                if (i == 0 || CANONICAL.compare(sorted[i - 1], s) != 0) {
                    g++;
                    recency[g] = s.recency();
                    age[g] = s.age();
                    frequency[g] = s.frequency();
                }
                weight[g]++;
            }
            TreeMap<Long, Integer> distinct = new TreeMap<>();
            for (long x : frequency) {
                distinct.put(x, 0);
            }
            double[] distinctX = new double[distinct.size()];
            int k = 0;
            for (var entry : distinct.entrySet()) {
                entry.setValue(k);
                distinctX[k++] = entry.getKey();
            }
            int[] xIndex = new int[groups];
            for (int i = 0; i < groups; i++) {
                xIndex[i] = distinct.get(frequency[i]);
            }
            return new Data(recency, age, xIndex, weight, distinctX);
        }

        /** The number of distinct (frequency, recency, age) triples. */
        int size() {
            return age.length;
        }

        double logLikelihood(double[] theta) {
            return valueAndGradient(theta, new double[4]);
        }

        /**
         * The log-likelihood at theta = ln(r, alpha, a, b) with its gradient in theta written into
         * {@code gradient}; negative infinity outside the search's box. The gradient is the closed
         * form of Fader, Hardie and Lee's likelihood: with A3 = -(r + x) ln(alpha + T), A4 = ln a -
         * ln(b + x - 1) - (r + x) ln(alpha + t_x) and w3, w4 their shares of e^A3 + e^A4, each
         * customer adds
         * d/dr = ψ(r + x) - ψ(r) + ln alpha - w3 ln(alpha + T) - w4 ln(alpha + t_x),
         * d/dalpha = r / alpha - (r + x) (w3 / (alpha + T) + w4 / (alpha + t_x)),
         * d/da = ψ(a + b) - ψ(a + b + x) + w4 / a,
         * d/db = ψ(a + b) + ψ(b + x) - ψ(b) - ψ(a + b + x) - w4 / (b + x - 1),
         * each times its parameter for the derivative in its logarithm.
         */
        double valueAndGradient(double[] theta, double[] gradient) {
            for (double t : theta) {
                if (Math.abs(t) > BOUND) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            double r = Math.exp(theta[0]);
            double alpha = Math.exp(theta[1]);
            double a = Math.exp(theta[2]);
            double b = Math.exp(theta[3]);
            double logGammaR = SpecialFunctions.logGamma(r);
            double logGammaB = SpecialFunctions.logGamma(b);
            double logGammaAB = SpecialFunctions.logGamma(a + b);
            double psiR = SpecialFunctions.digamma(r);
            double psiB = SpecialFunctions.digamma(b);
            double psiAB = SpecialFunctions.digamma(a + b);
            double logAlpha = Math.log(alpha);
            double logA = Math.log(a);
            int m = distinctX.length;
            // per distinct frequency: the terms without t_x and T, and their derivatives
            double[][] perX = new double[5][m];
            double[] dropout = new double[m];
            double[] shape = new double[m];
            double[] bx1 = new double[m];
            for (int k = 0; k < m; k++) {
                double xk = distinctX[k];
                double psiABX = SpecialFunctions.digamma(a + b + xk);
                perX[0][k] = SpecialFunctions.logGamma(r + xk) - logGammaR
                        + logGammaAB + SpecialFunctions.logGamma(b + xk) - logGammaB
                        - SpecialFunctions.logGamma(a + b + xk) + r * logAlpha;
                perX[1][k] = SpecialFunctions.digamma(r + xk) - psiR + logAlpha;
                perX[2][k] = r / alpha;
                perX[3][k] = psiAB - psiABX;
                perX[4][k] = psiAB + SpecialFunctions.digamma(b + xk) - psiB - psiABX;
                dropout[k] = xk > 0 ? logA - Math.log(b + xk - 1) : Double.NaN;
                shape[k] = r + xk;
                bx1[k] = b + xk - 1;
            }
            int chunks = (size() + CHUNK - 1) / CHUNK;
            double[][] sums = new double[chunks][];
            IntStream range = IntStream.range(0, chunks);
            (chunks > 1 ? range.parallel() : range).forEach(c -> sums[c] = chunk(c, alpha, a, perX, dropout, shape, bx1));
            double[] total = new double[5];
            for (double[] chunkSum : sums) {
                for (int j = 0; j < 5; j++) {
                    total[j] += chunkSum[j];
                }
            }
            gradient[0] = total[1] * r;
            gradient[1] = total[2] * alpha;
            gradient[2] = total[3] * a;
            gradient[3] = total[4] * b;
            return total[0];
        }

        private double[] chunk(int c, double alpha, double a, double[][] perX, double[] dropout, double[] shape,
                double[] bx1) {
            double ll = 0;
            double dr = 0;
            double dAlpha = 0;
            double da = 0;
            double db = 0;
            for (int i = c * CHUNK, end = Math.min(size(), i + CHUNK); i < end; i++) {
                int k = xIndex[i];
                double w = weight[i];
                double logAgeTerm = Math.log(alpha + age[i]);
                double a3 = -shape[k] * logAgeTerm;
                double mixed = a3;
                double w3 = 1;
                double w4 = 0;
                double logRecencyTerm = 0;
                if (distinctX[k] > 0) {
                    logRecencyTerm = Math.log(alpha + recency[i]);
                    double a4 = dropout[k] - shape[k] * logRecencyTerm;
                    // log(e^a3 + e^a4) without overflow, and each term's share of the sum
                    double e = Math.exp(-Math.abs(a3 - a4));
                    mixed = Math.max(a3, a4) + Math.log1p(e);
                    double small = e / (1 + e);
                    w3 = a3 >= a4 ? 1 - small : small;
                    w4 = 1 - w3;
                }
                ll += w * (perX[0][k] + mixed);
                dr += w * (perX[1][k] - w3 * logAgeTerm - w4 * logRecencyTerm);
                dAlpha += w * (perX[2][k] - shape[k] * (w3 / (alpha + age[i]) + w4 / (alpha + recency[i])));
                da += w * (perX[3][k] + w4 / a);
                db += w * (perX[4][k] - (w4 > 0 ? w4 / bx1[k] : 0));
            }
            return new double[] {ll, dr, dAlpha, da, db};
        }
    }
}
