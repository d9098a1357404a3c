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

    public RepeatPurchaseRate {
        checkArgument(orderingCustomers >= 0, "orderingCustomers must not be negative, got %s", orderingCustomers);
        checkArgument(repeatCustomers >= 0 && repeatCustomers <= orderingCustomers,
                "repeatCustomers must be between 0 and orderingCustomers (%s), got %s", orderingCustomers,
                repeatCustomers);
    }

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

    /** repeatCustomers / orderingCustomers; empty when nobody ordered. */
    public OptionalDouble rate() {
        return orderingCustomers == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) repeatCustomers / orderingCustomers);
    }
}
