package dev.retention.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Purchase frequency over a period {@code [from, to)}: orders / distinct ordering customers in the
 * period; mean and median inter-purchase interval.
 *
 * <p>An inter-purchase interval is the time between two consecutive orders of one customer that
 * are both in the period (two orders at the same instant give a zero interval). The mean is
 * truncated to the nanosecond; the median of an even number of intervals is the mean of the two
 * middle ones.
 *
 * @param orders orders placed in the period
 * @param customers distinct customers who placed them
 * @param intervals number of inter-purchase intervals within the period (orders - customers)
 * @param meanInterval mean inter-purchase interval, empty without intervals
 * @param medianInterval median inter-purchase interval, empty without intervals
 */
public record PurchaseFrequency(long orders, long customers, long intervals, Optional<Duration> meanInterval,
        Optional<Duration> medianInterval) {

    /**
     * Checks that the figures fit together; {@link #of} computes them from an order log.
     *
     * @param orders orders placed in the period
     * @param customers distinct customers who placed them, between 0 and {@code orders}
     * @param intervals number of inter-purchase intervals, exactly {@code orders - customers}
     * @param meanInterval mean inter-purchase interval, present exactly when {@code intervals > 0}
     * @param medianInterval median inter-purchase interval, present exactly when {@code intervals > 0}
     * @throws IllegalArgumentException if the figures do not fit together as stated
     */
    public PurchaseFrequency {
        requireNonNull(meanInterval, "meanInterval");
        requireNonNull(medianInterval, "medianInterval");
        checkArgument(customers >= 0 && customers <= orders,
                "customers must be between 0 and orders (%s), got %s", orders, customers);
        checkArgument(intervals == orders - customers, "intervals must be orders - customers (%s), got %s",
                orders - customers, intervals);
        checkArgument(meanInterval.isPresent() == (intervals > 0) && medianInterval.isPresent() == (intervals > 0),
                "mean and median intervals must be present exactly when there are intervals (%s)", intervals);
    }

    /**
     * The purchase frequency of the period, over orders in every currency. An order before the
     * period does not start an interval, so a customer's first order in the period opens no gap
     * however recently they bought before it.
     *
     * @param log the orders
     * @param period the period; orders placed in it count
     * @return the figures; zero orders and customers, and no intervals, for a period without orders
     */
    public static PurchaseFrequency of(OrderLog log, ReportingPeriod period) {
        requireNonNull(log, "log");
        requireNonNull(period, "period");
        int start = log.firstOrderRow(period.from());
        int end = log.firstOrderRow(period.to());
        long[] previous = new long[log.customerCount()];
        boolean[] ordered = new boolean[log.customerCount()];
        long[] gaps = new long[end - start];
        int gapCount = 0;
        long customers = 0;
        for (int i = start; i < end; i++) {
            int c = log.orderCustomer[i];
            long t = log.orderTime[i];
            if (ordered[c]) {
                gaps[gapCount++] = t - previous[c];
            } else {
                ordered[c] = true;
                customers++;
            }
            previous[c] = t;
        }
        if (gapCount == 0) {
            return new PurchaseFrequency(end - start, customers, 0, Optional.empty(), Optional.empty());
        }
        BigInteger sum = BigInteger.ZERO;
        for (int g = 0; g < gapCount; g++) {
            sum = sum.add(BigInteger.valueOf(gaps[g]));
        }
        Duration mean = Duration.ofNanos(sum.divide(BigInteger.valueOf(gapCount)).longValueExact());
        Arrays.sort(gaps, 0, gapCount);
        long lower = gaps[(gapCount - 1) / 2];
        long upper = gaps[gapCount / 2];
        Duration median = Duration.ofNanos(lower + (upper - lower) / 2);
        return new PurchaseFrequency(end - start, customers, gapCount, Optional.of(mean), Optional.of(median));
    }

    /**
     * How many orders an ordering customer placed in the period on average.
     *
     * @return orders / customers, at least 1; empty when nobody ordered
     */
    public OptionalDouble frequency() {
        return customers == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) orders / customers);
    }
}
