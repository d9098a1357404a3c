package dev.retention.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * Repeat purchase rate over a period {@code [from, to)}: customers with at least two orders in the
 * period / customers with at least one.
 *
 * @param repeatCustomers customers with at least two orders in the period
 * @param orderingCustomers customers with at least one order in the period
 */
public record RepeatPurchaseRate(long repeatCustomers, long orderingCustomers) {

    /**
     * Checks the counts; {@link #of} computes them from an order log.
     *
     * @param repeatCustomers customers with at least two orders in the period, at most
     *     {@code orderingCustomers}
     * @param orderingCustomers customers with at least one order in the period, not negative
     * @throws IllegalArgumentException if a count is negative or there are more repeat customers than
     *     ordering ones
     */
    public RepeatPurchaseRate {
        checkArgument(orderingCustomers >= 0, "orderingCustomers must not be negative, got %s", orderingCustomers);
        checkArgument(repeatCustomers >= 0 && repeatCustomers <= orderingCustomers,
                "repeatCustomers must be between 0 and orderingCustomers (%s), got %s", orderingCustomers,
                repeatCustomers);
    }

    /**
     * The repeat purchase rate of the period, over orders in every currency. Only orders inside the
     * period count: a customer with one order in the period and others before it is not a repeat
     * customer here (that is what {@link RetentionRate} measures).
     *
     * @param log the orders
     * @param period the period; orders placed in it count
     * @return the counts; both zero for a period without orders
     */
    public static RepeatPurchaseRate of(OrderLog log, ReportingPeriod period) {
        requireNonNull(log, "log");
        requireNonNull(period, "period");
        int[] orders = new int[log.customerCount()];
        long ordering = 0;
        long repeat = 0;
        for (int i = log.firstOrderRow(period.from()), end = log.firstOrderRow(period.to()); i < end; i++) {
            int n = ++orders[log.orderCustomer[i]];
            if (n == 1) {
                ordering++;
            } else if (n == 2) {
                repeat++;
            }
        }
        return new RepeatPurchaseRate(repeat, ordering);
    }

    /**
     * The share of the period's customers who ordered more than once in it.
     *
     * @return repeatCustomers / orderingCustomers, between 0 and 1; empty when nobody ordered
     */
    public OptionalDouble rate() {
        return orderingCustomers == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) repeatCustomers / orderingCustomers);
    }
}
