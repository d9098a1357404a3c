package dev.retention.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.internal.Nanos;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Campaign uplift: conversion (an order within N days after the decision) of treated versus holdout
 * customers from the fire log, with a 95% confidence interval for the difference (Newcombe's hybrid
 * score method, from Wilson intervals).
 *
 * <p>The fire log enters as {@link UpliftAssignment} records (customer, group, decision time), which an
 * adapter builds from it. A customer converted if they placed an order in {@code [decidedAt, decidedAt + window)}.
 * Customers the order log does not know did not convert. Each customer may appear once.
 *
 * @param treated conversion of the treated group
 * @param holdout conversion of the holdout group
 * @param window how long after the decision an order counts
 * @param interval95 95% interval for treated rate - holdout rate
 */
public record CampaignUplift(Conversion treated, Conversion holdout, Duration window, ConfidenceInterval interval95) {

    /**
     * Holds the figures as given; the {@code of} factories compute the interval from the counts.
     *
     * @param treated conversion of the treated group
     * @param holdout conversion of the holdout group
     * @param window how long after the decision an order counts
     * @param interval95 95% interval for treated rate - holdout rate
     */
    public CampaignUplift {
        requireNonNull(treated, "treated");
        requireNonNull(holdout, "holdout");
        requireNonNull(window, "window");
        requireNonNull(interval95, "interval95");
    }

    /**
     * Converted customers of one group.
     *
     * @param customers customers in the group, at least one
     * @param converted those with an order within the window after their decision
     */
    public record Conversion(long customers, long converted) {
        /**
         * Checks the counts.
         *
         * @param customers customers in the group, at least one
         * @param converted those who converted, between 0 and {@code customers}
         * @throws IllegalArgumentException if the group is empty or {@code converted} is out of range
         */
        public Conversion {
            checkArgument(customers > 0, "a group needs at least one customer, got %s", customers);
            checkArgument(converted >= 0 && converted <= customers,
                    "converted must be between 0 and customers (%s), got %s", customers, converted);
        }

        /**
         * The group's conversion rate.
         *
         * @return converted / customers, between 0 and 1
         */
        public double rate() {
            return (double) converted / customers;
        }
    }

    /**
     * From conversion counts, e.g. from another source than an order log.
     *
     * @param treated conversion of the treated group
     * @param holdout conversion of the holdout group
     * @param window the conversion window the counts were made with; recorded, not checked
     * @return the uplift with its 95% Newcombe interval
     */
    public static CampaignUplift of(Conversion treated, Conversion holdout, Duration window) {
        requireNonNull(treated, "treated");
        requireNonNull(holdout, "holdout");
        return new CampaignUplift(treated, holdout, window, ConfidenceInterval.newcombeDifference(treated.converted(),
                treated.customers(), holdout.converted(), holdout.customers(), ConfidenceInterval.Z_95));
    }

    /**
     * Counts conversions in the order log: an order in any currency in
     * {@code [decidedAt, decidedAt + window)} converts the customer. Orders after the log was built are
     * not seen, so a window that has not yet ended undercounts both groups.
     *
     * @param log the orders that count as conversions
     * @param assignments one decision per customer, in any order, with at least one customer in each
     *     group
     * @param window how long after each decision an order counts, positive (e.g. 14 days)
     * @return the conversion of both groups and the 95% interval of their difference
     * @throws IllegalArgumentException if the window is not positive, a customer appears twice or a
     *     group is empty
     */
    public static CampaignUplift of(OrderLog log, Collection<UpliftAssignment> assignments, Duration window) {
        requireNonNull(log, "log");
        requireNonNull(assignments, "assignments");
        requireNonNull(window, "window");
        checkArgument(!window.isNegative() && !window.isZero(), "window must be positive, got %s", window);
        long[] customers = new long[2];
        long[] converted = new long[2];
        Set<CustomerId> seen = new HashSet<>();
        for (UpliftAssignment a : assignments) {
            requireNonNull(a, "assignment");
            checkArgument(seen.add(a.customerId()), "customer %s appears in more than one assignment", a.customerId());
            int g = a.group().ordinal();
            customers[g]++;
            int c = log.indexOf(a.customerId());
            long from = Nanos.clamped(a.decidedAt());
            long to = Nanos.clamped(a.decidedAt().plus(window));
            if (c >= 0 && log.hasOrderBetween(c, from, to)) {
                converted[g]++;
            }
        }
        checkArgument(customers[0] > 0, "the treated group is empty");
        checkArgument(customers[1] > 0, "the holdout group is empty");
        int t = UpliftGroup.TREATED.ordinal();
        int h = UpliftGroup.HOLDOUT.ordinal();
        return of(new Conversion(customers[t], converted[t]), new Conversion(customers[h], converted[h]), window);
    }

    /**
     * The absolute uplift: how much more often treated customers converted than held-out ones. It is
     * significant at 95% when {@link #interval95} does not contain 0.
     *
     * @return treated rate - holdout rate, between -1 and 1 (0.05 is five percentage points)
     */
    public double difference() {
        return treated.rate() - holdout.rate();
    }
}
