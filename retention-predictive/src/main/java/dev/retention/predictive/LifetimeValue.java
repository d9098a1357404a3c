package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Customer lifetime value over a horizon: the orders BG/NBD expects in each period, times the
 * order value Gamma-Gamma expects, discounted per period (the lifetimes library's definition).
 *
 * <pre>{@code
 * // a year in 12 periods of 30 days (summaries in days), 1% discount per period
 * double clv = LifetimeValue.of(bgNbd, gammaGamma, customer, 12, 30, 0.01);
 * }</pre>
 */
public final class LifetimeValue {

    private LifetimeValue() {}

    /**
     * The discounted value of the customer's expected orders over {@code periods} periods.
     *
     * @param orders the fitted BG/NBD model
     * @param values the fitted Gamma-Gamma model
     * @param customer the customer's summary
     * @param periods the number of periods in the horizon, at least 1
     * @param periodLength the length of one period, in the summaries' time unit
     * @param discountRate the discount rate per period, at least 0
     * @return the lifetime value in the summaries' major currency units, at least 0
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double of(BgNbdModel orders, GammaGammaModel values, CustomerSummary customer,
            int periods, double periodLength, double discountRate) {
        requireNonNull(orders, "orders");
        requireNonNull(values, "values");
        requireNonNull(customer, "customer");
        checkArgument(periods >= 1, "periods must be >= 1: %s", periods);
        checkArgument(Double.isFinite(periodLength) && periodLength > 0, "periodLength must be positive: %s", periodLength);
        checkArgument(Double.isFinite(discountRate) && discountRate >= 0, "discountRate must be >= 0: %s", discountRate);
        double value = values.expectedAverageValue(customer);
        double clv = 0;
        double before = 0;
        for (int i = 1; i <= periods; i++) {
            double upTo = orders.expectedOrders(customer, i * periodLength);
            clv += value * Math.max(0, upTo - before) / Math.pow(1 + discountRate, i);
            before = Math.max(before, upTo);
        }
        return clv;
    }
}
