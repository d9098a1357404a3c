package dev.retention.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.internal.Nanos;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Customer retention rate (CRR) of a non-contractual shop over a period {@code [from, to)}.
 *
 * <ul>
 *   <li>S ({@link #customersAtStart}) = customers with an order before {@code from} (optionally only
 *       those active within a look-back before {@code from}, i.e. with an order in
 *       {@code [from - lookBack, from)});
 *   <li>N ({@link #newCustomers}) = customers whose first order falls in the period;
 *   <li>E ({@link #customersAtEnd}) = customers with an order in the period.
 * </ul>
 * CRR = (E - N) / S, which equals retained / S where retained = customers of S who ordered in the
 * period. Example from marketing practice: 500 customers at the start, 270 of them bought again
 * within the year: CRR = 54%. Churn rate = 1 - CRR.
 *
 * <p>With a look-back, E - N also counts old customers who were not active in the look-back, so the
 * library computes CRR as retained / S, which is the same number without a look-back.
 *
 * @param customersAtStart S
 * @param newCustomers N
 * @param customersAtEnd E
 * @param retained customers of S who ordered in the period
 */
public record RetentionRate(long customersAtStart, long newCustomers, long customersAtEnd, long retained) {

    /**
     * Checks that the counts fit together; the {@code of} factories compute them from an order log.
     *
     * @param customersAtStart S, not negative
     * @param newCustomers N, not negative
     * @param customersAtEnd E, at least N + retained
     * @param retained customers of S who ordered in the period, between 0 and S
     * @throws IllegalArgumentException if a count is negative or the counts do not fit together
     */
    public RetentionRate {
        checkArgument(customersAtStart >= 0, "customersAtStart must not be negative, got %s", customersAtStart);
        checkArgument(newCustomers >= 0, "newCustomers must not be negative, got %s", newCustomers);
        checkArgument(retained >= 0 && retained <= customersAtStart,
                "retained must be between 0 and customersAtStart (%s), got %s", customersAtStart, retained);
        checkArgument(customersAtEnd >= newCustomers + retained,
                "customersAtEnd (%s) must be at least newCustomers + retained (%s)", customersAtEnd,
                newCustomers + retained);
    }

    /**
     * CRR over the period, S counting every customer with an order before the period, however long
     * ago; over a long history that counts customers lost years ago, which the look-back variant
     * leaves out. Orders in every currency count; refunds do not undo an order.
     *
     * @param log the orders
     * @param period the period; customers who ordered in it are retained or new
     * @return S, N, E and retained; all zero for a log without orders
     */
    public static RetentionRate of(OrderLog log, ReportingPeriod period) {
        return compute(log, period, null);
    }

    /**
     * CRR over the period, S counting only customers with an order in the {@code lookBack} before
     * the period, {@code [from - lookBack, from)}: "of the customers active last year, how many
     * bought again this year" for a look-back of 365 days. N and E are as without a look-back.
     *
     * @param log the orders
     * @param period the period; customers who ordered in it are retained or new
     * @param lookBack how far before {@code from} a customer must have ordered to count in S, positive
     * @return S, N, E and retained
     * @throws IllegalArgumentException if {@code lookBack} is zero or negative
     */
    public static RetentionRate of(OrderLog log, ReportingPeriod period, Duration lookBack) {
        requireNonNull(lookBack, "lookBack");
        checkArgument(!lookBack.isNegative() && !lookBack.isZero(), "lookBack must be positive, got %s", lookBack);
        return compute(log, period, lookBack);
    }

    private static RetentionRate compute(OrderLog log, ReportingPeriod period, Duration lookBack) {
        requireNonNull(log, "log");
        requireNonNull(period, "period");
        long from = Nanos.clamped(period.from());
        long to = Nanos.clamped(period.to());
        long activeSince = lookBack == null ? Long.MIN_VALUE : Nanos.clamped(period.from().minus(lookBack));
        long atStart = 0;
        long newCustomers = 0;
        long atEnd = 0;
        long retained = 0;
        for (int c = 0; c < log.customerCount(); c++) {
            long first = log.firstOrderNanos(c);
            boolean inPeriod = log.hasOrderBetween(c, from, to);
            boolean atStartHere = first < from && (lookBack == null || log.hasOrderBetween(c, activeSince, from));
            if (atStartHere) {
                atStart++;
                if (inPeriod) {
                    retained++;
                }
            }
            if (first >= from && first < to) {
                newCustomers++;
            }
            if (inPeriod) {
                atEnd++;
            }
        }
        return new RetentionRate(atStart, newCustomers, atEnd, retained);
    }

    /**
     * The numerator of CRR, for showing the rate as a fraction.
     *
     * @return {@link #retained} (E - N without a look-back)
     */
    public long crrNumerator() {
        return retained;
    }

    /**
     * The denominator of CRR, for showing the rate as a fraction.
     *
     * @return S, {@link #customersAtStart}
     */
    public long crrDenominator() {
        return customersAtStart;
    }

    /**
     * The customer retention rate: the share of the customers at the start who ordered again in the
     * period.
     *
     * @return retained / S, between 0 and 1; empty when S is 0 (e.g. a period before the first order)
     */
    public OptionalDouble crr() {
        return customersAtStart == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) retained / customersAtStart);
    }

    /**
     * The churn rate: the share of the customers at the start who did not order in the period.
     *
     * @return (S - retained) / S = 1 - CRR, between 0 and 1; empty when S is 0
     */
    public OptionalDouble churnRate() {
        return customersAtStart == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) (customersAtStart - retained) / customersAtStart);
    }
}
