package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.predictive.internal.NelderMead;
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
    /** About the size of the sample that warms the fit up on a large shop. */
    private static final int SAMPLE = 25_000;
    /** The sample's fit as tight as the small data's, with a budget for a likelihood that rises to the bound. */
    static final NelderMead.Tolerance SAMPLE_FIT = new NelderMead.Tolerance(1e-13, 0, 1e-9, 2_000);
    /**
     * The last steps on a large shop: until the simplex's log-likelihoods lie within 0.001 of each
     * other. On a million customers that puts its points within a few hundredths of a standard error
     * of each other, and it also ends a search that would crawl along a flat ridge towards the bound.
     */
    static final NelderMead.Tolerance POLISH = new NelderMead.Tolerance(0, 1e-3, Double.POSITIVE_INFINITY, 400);
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
     * Fits the model by maximum likelihood (Nelder-Mead over the parameters' logarithms). The result
     * does not depend on the order of the summaries.
     *
     * @param summaries the customers, at least one, all in the same time unit
     * @return the fitted model
     * @throws IllegalArgumentException if {@code summaries} is empty
     */
    public static BgNbdModel fit(List<CustomerSummary> summaries) {
        Data data = Data.of(summaries);
        double[] start = new double[4];
        double step = 0.5;
        NelderMead.Tolerance tolerance = NelderMead.Tolerance.TIGHT;
        if (data.size() > SAMPLE * 2) {
            // most of the search on a sample, the last steps on everyone: the same maximum, found
            // with a few dozen passes over a million customers instead of hundreds
            Data sample = data.sample(data.size() / SAMPLE);
            start = NelderMead.minimise(theta -> -sample.logLikelihood(theta), start, step, SAMPLE_FIT);
            step = 0.02;
            tolerance = POLISH;
        }
        double[] best = NelderMead.minimise(theta -> -data.logLikelihood(theta), start, step, tolerance);
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
     * The summaries in columns, sorted canonically, with the per-frequency terms computed once per
     * evaluation; the sum runs in fixed chunks, in parallel, and adds the chunks' sums in order, so
     * it is the same for any order of the input and any number of threads.
     */
    private record Data(double[] recency, double[] age, int[] xIndex, double[] distinctX) {

        static Data of(List<CustomerSummary> summaries) {
            requireNonNull(summaries, "summaries");
            checkArgument(!summaries.isEmpty(), "summaries must not be empty");
            // a canonical order makes the sum, and so the fit, the same for any order of the input
            CustomerSummary[] sorted = summaries.toArray(CustomerSummary[]::new);
            for (CustomerSummary s : sorted) {
                requireNonNull(s, "summary");
            }
            java.util.Arrays.parallelSort(sorted, CANONICAL);
            int n = sorted.length;
            double[] recency = new double[n];
            double[] age = new double[n];
            TreeMap<Long, Integer> distinct = new TreeMap<>();
            for (CustomerSummary s : sorted) {
                distinct.put(s.frequency(), 0);
            }
            double[] distinctX = new double[distinct.size()];
            int k = 0;
            for (var entry : distinct.entrySet()) {
                entry.setValue(k);
                distinctX[k++] = entry.getKey();
            }
            int[] xIndex = new int[n];
            for (int i = 0; i < n; i++) {
                CustomerSummary s = sorted[i];
                recency[i] = s.recency();
                age[i] = s.age();
                xIndex[i] = distinct.get(s.frequency());
            }
            return new Data(recency, age, xIndex, distinctX);
        }

        int size() {
            return age.length;
        }

        /** Every {@code step}-th customer of the canonical order: the same sample for any input order. */
        Data sample(int step) {
            int n = (size() + step - 1) / step;
            double[] r = new double[n];
            double[] t = new double[n];
            int[] xi = new int[n];
            for (int i = 0; i < n; i++) {
                r[i] = recency[i * step];
                t[i] = age[i * step];
                xi[i] = xIndex[i * step];
            }
            return new Data(r, t, xi, distinctX);
        }

        double logLikelihood(double[] theta) {
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
            double logAlpha = Math.log(alpha);
            double logA = Math.log(a);
            int m = distinctX.length;
            double[] perX = new double[m];
            double[] dropout = new double[m];
            double[] shape = new double[m];
            for (int k = 0; k < m; k++) {
                double xk = distinctX[k];
                perX[k] = SpecialFunctions.logGamma(r + xk) - logGammaR
                        + logGammaAB + SpecialFunctions.logGamma(b + xk) - logGammaB
                        - SpecialFunctions.logGamma(a + b + xk) + r * logAlpha;
                dropout[k] = xk > 0 ? logA - Math.log(b + xk - 1) : Double.NaN;
                shape[k] = r + xk;
            }
            int chunks = (size() + CHUNK - 1) / CHUNK;
            double[] sums = new double[chunks];
            IntStream range = IntStream.range(0, chunks);
            (chunks > 1 ? range.parallel() : range).forEach(c -> sums[c] = chunk(c, alpha, perX, dropout, shape));
            double sum = 0;
            for (double chunkSum : sums) {
                sum += chunkSum;
            }
            return sum;
        }

        private double chunk(int c, double alpha, double[] perX, double[] dropout, double[] shape) {
            double sum = 0;
            for (int i = c * CHUNK, end = Math.min(size(), i + CHUNK); i < end; i++) {
                int k = xIndex[i];
                double a3 = -shape[k] * Math.log(alpha + age[i]);
                double mixed = a3;
                if (distinctX[k] > 0) {
                    double a4 = dropout[k] - shape[k] * Math.log(alpha + recency[i]);
                    // log(e^a3 + e^a4) without overflow
                    mixed = Math.max(a3, a4) + Math.log1p(Math.exp(-Math.abs(a3 - a4)));
                }
                sum += perX[k] + mixed;
            }
            return sum;
        }
    }
}
