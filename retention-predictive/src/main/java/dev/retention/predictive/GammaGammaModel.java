package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import dev.retention.predictive.internal.NelderMead;
import dev.retention.predictive.internal.SpecialFunctions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        List<CustomerSummary> repeat = repeatBuyers(summaries);
        double[] best = NelderMead.minimise(theta -> {
            for (double t : theta) {
                if (Math.abs(t) > BOUND) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            return -logLikelihood(repeat, Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]));
        }, new double[3], 0.5);
        return new GammaGammaModel(Math.exp(best[0]), Math.exp(best[1]), Math.exp(best[2]));
    }

    /**
     * The log-likelihood of the summaries with repeat purchases under this model.
     *
     * @param summaries the customers; those without a repeat purchase are left out
     * @return the log-likelihood
     * @throws IllegalArgumentException if no summary has a repeat purchase with a positive value
     */
    public double logLikelihood(List<CustomerSummary> summaries) {
        return logLikelihood(repeatBuyers(summaries), p, q, v);
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

    private static double logLikelihood(List<CustomerSummary> repeat, double p, double q, double v) {
        double logGammaQ = SpecialFunctions.logGamma(q);
        double logV = Math.log(v);
        double sum = 0;
        for (CustomerSummary s : repeat) {
            double x = s.frequency();
            double m = s.averageValue();
            double px = p * x;
            sum += SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px) - logGammaQ
                    + q * logV + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(x * m + v);
        }
        return sum;
    }
}
