package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import dev.retention.predictive.internal.NelderMead;
import dev.retention.predictive.internal.SpecialFunctions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The Gamma-Gamma model of spend per order (Fader, Hardie and Lee 2005, "RFM and CLV"): a
 * customer's order values vary around their own mean, which varies across customers. Fitted on the
 * customers with repeat purchases (frequency and average repeat value), it gives each customer's
 * expected order value, pulled from their own average towards the shop's by how few orders they have.
 *
 * @param p shape of the order-value distribution
 * @param q shape of the distribution of customers' mean values
 * @param v scale of the distribution of customers' mean values
 */
public record GammaGammaModel(double p, double q, double v) {
    private static final double BOUND = 15;
    private static final int CHUNK = 1 << 13;
    private static final int SAMPLE = 25_000;
    /** The sample's fit as tight as the small data's, with a budget for a likelihood that rises to the bound. */
    private static final NelderMead.Tolerance SAMPLE_FIT = new NelderMead.Tolerance(1e-13, 0, 1e-9, 2_000);
    /**
     * The last steps on a large shop: until the simplex's log-likelihoods lie within 0.001 of each
     * other. On a million customers that puts its points within a few hundredths of a standard error
     * of each other, and it also ends a search that would crawl along a flat ridge towards the bound.
     */
    private static final NelderMead.Tolerance POLISH = new NelderMead.Tolerance(0, 1e-3, Double.POSITIVE_INFINITY, 400);

    /**
     * Validates the parameters.
     *
     * @param p the shape of the gamma distribution of a customer's order values
     * @param q the shape of the gamma distribution of that distribution's scale across customers
     * @param v the scale of that distribution across customers, in money units
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public GammaGammaModel {
        BgNbdModel.checkPositive("p", p);
        BgNbdModel.checkPositive("q", q);
        BgNbdModel.checkPositive("v", v);
    }

    /**
     * Fits the model by maximum likelihood on the summaries with at least one repeat purchase and a
     * positive average value; the others are left out, as the model requires.
     *
     * @param summaries the customers
     * @return the fitted model
     * @throws IllegalArgumentException if no summary has a repeat purchase with a positive value
     */
    public static GammaGammaModel fit(List<CustomerSummary> summaries) {
        Data data = Data.of(repeatBuyers(summaries));
        // searched over ln p, ln q and ln(v / q): where the customers' mean values hardly differ, the
        // likelihood rises along q -> infinity at a fixed v / q, and this makes that ridge one axis
        double[] start = new double[3];
        double step = 0.5;
        NelderMead.Tolerance tolerance = NelderMead.Tolerance.TIGHT;
        if (data.size() > SAMPLE * 2) {
            Data sample = data.sample(data.size() / SAMPLE);
            start = NelderMead.minimise(theta -> -sample.logLikelihood(theta), start, step, SAMPLE_FIT);
            step = 0.02;
            tolerance = POLISH;
        }
        double[] best = NelderMead.minimise(theta -> -data.logLikelihood(theta), start, step, tolerance);
        return new GammaGammaModel(Math.exp(best[0]), Math.exp(best[1]), Math.exp(best[1] + best[2]));
    }

    /**
     * The log-likelihood of the summaries with repeat purchases under this model.
     *
     * @param summaries the customers; those without a repeat purchase are left out
     * @return the log-likelihood
     * @throws IllegalArgumentException if no summary has a repeat purchase with a positive value
     */
    public double logLikelihood(List<CustomerSummary> summaries) {
        return Data.of(repeatBuyers(summaries)).logLikelihood(p, q, v);
    }

    /**
     * The customer's expected value per order: p (v + x m) / (p x + q - 1) for frequency x and
     * average repeat value m, the shop's mean p v / (q - 1) for a customer without repeat purchases.
     *
     * @param customer the customer's summary
     * @return the expected order value, in the summaries' major currency units
     * @throws IllegalStateException if the model has no finite mean for this customer (q &lt;= 1
     *     and no repeat purchase)
     */
    public double expectedAverageValue(CustomerSummary customer) {
        requireNonNull(customer, "customer");
        double px = p * customer.frequency();
        double denominator = px + q - 1;
        checkState(denominator > 0, "the model has no finite mean for a customer without repeat purchases: q=%s", q);
        return p * (v + customer.frequency() * customer.averageValue()) / denominator;
    }

    private static List<CustomerSummary> repeatBuyers(List<CustomerSummary> summaries) {
        requireNonNull(summaries, "summaries");
        List<CustomerSummary> repeat = new ArrayList<>();
        for (CustomerSummary s : summaries) {
            if (requireNonNull(s, "summary").frequency() > 0 && s.averageValue() > 0) {
                repeat.add(s);
            }
        }
        checkArgument(!repeat.isEmpty(), "summaries must hold a repeat buyer with a positive average value: %s customers, none",
                summaries.size());
        // a canonical order makes the sum, and so the fit, the same for any order of the input
        repeat.sort(Comparator.comparingLong(CustomerSummary::frequency)
                .thenComparingDouble(CustomerSummary::averageValue));
        return repeat;
    }

    /**
     * The repeat buyers in columns, in canonical order, with the terms that depend on the frequency
     * alone summed once per frequency; the per-customer sum runs in fixed chunks in parallel and adds
     * them in order, so it does not depend on the input's order or the number of threads.
     */
    private record Data(double[] spend, int[] xIndex, double[] distinctX, long[] counts, double[] sumLogValue) {

        static Data of(List<CustomerSummary> repeat) {
            int n = repeat.size();
            double[] spend = new double[n];
            int[] xIndex = new int[n];
            TreeMap<Long, Integer> distinct = new TreeMap<>();
            repeat.forEach(s -> distinct.put(s.frequency(), 0));
            double[] distinctX = new double[distinct.size()];
            int k = 0;
            for (var entry : distinct.entrySet()) {
                entry.setValue(k);
                distinctX[k++] = entry.getKey();
            }
            long[] counts = new long[k];
            double[] sumLogValue = new double[k];
            for (int i = 0; i < n; i++) {
                CustomerSummary s = repeat.get(i);
                int xi = distinct.get(s.frequency());
                xIndex[i] = xi;
                spend[i] = s.frequency() * s.averageValue();
                counts[xi]++;
                sumLogValue[xi] += Math.log(s.averageValue());
            }
            return new Data(spend, xIndex, distinctX, counts, sumLogValue);
        }

        int size() {
            return spend.length;
        }

        /** Every {@code step}-th repeat buyer of the canonical order. */
        Data sample(int step) {
            int n = (size() + step - 1) / step;
            double[] sp = new double[n];
            int[] xi = new int[n];
            long[] c = new long[distinctX.length];
            double[] logs = new double[distinctX.length];
            for (int i = 0; i < n; i++) {
                sp[i] = spend[i * step];
                xi[i] = xIndex[i * step];
                c[xi[i]]++;
                logs[xi[i]] += Math.log(sp[i] / distinctX[xi[i]]);
            }
            return new Data(sp, xi, distinctX, c, logs);
        }

        /** Over ln p, ln q and ln(v / q). */
        double logLikelihood(double[] theta) {
            for (double t : theta) {
                if (Math.abs(t) > BOUND) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            return logLikelihood(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[1] + theta[2]));
        }

        double logLikelihood(double p, double q, double v) {
            double logGammaQ = SpecialFunctions.logGamma(q);
            double logV = Math.log(v);
            double sum = 0;
            double[] shape = new double[distinctX.length];
            for (int k = 0; k < distinctX.length; k++) {
                double x = distinctX[k];
                double px = p * x;
                shape[k] = px + q;
                sum += counts[k] * (SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px) - logGammaQ
                        + q * logV + px * Math.log(x)) + (px - 1) * sumLogValue[k];
            }
            int chunks = (size() + CHUNK - 1) / CHUNK;
            double[] sums = new double[chunks];
            IntStream range = IntStream.range(0, chunks);
            (chunks > 1 ? range.parallel() : range).forEach(c -> {
                double part = 0;
                for (int i = c * CHUNK, end = Math.min(size(), i + CHUNK); i < end; i++) {
                    part -= shape[xIndex[i]] * Math.log(spend[i] + v);
                }
                sums[c] = part;
            });
            for (double part : sums) {
                sum += part;
            }
            return sum;
        }
    }
}
