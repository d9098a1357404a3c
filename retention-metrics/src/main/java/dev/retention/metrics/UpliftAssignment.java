package dev.retention.metrics;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Instant;

/**
 * One campaign decision as the uplift metric needs it: who, which group, when. Deliberately small
 * so that an adapter can turn a campaign fire log into a list of these.
 *
 * @param customerId the customer the decision was about
 * @param group treated or holdout
 * @param decidedAt when the campaign decided; conversion is counted from this instant
 */
public record UpliftAssignment(CustomerId customerId, UpliftGroup group, Instant decidedAt) {

    /**
     * Checks that nothing is missing.
     *
     * @param customerId the customer the decision was about
     * @param group treated or holdout
     * @param decidedAt when the campaign decided; conversion is counted from this instant
     */
    public UpliftAssignment {
        requireNonNull(customerId, "customerId");
        requireNonNull(group, "group");
        requireNonNull(decidedAt, "decidedAt");
    }

    /**
     * A customer the campaign sent its message to.
     *
     * @param customerId the customer
     * @param decidedAt when the campaign decided to send
     * @return the assignment to {@link UpliftGroup#TREATED}
     */
    public static UpliftAssignment treated(CustomerId customerId, Instant decidedAt) {
        return new UpliftAssignment(customerId, UpliftGroup.TREATED, decidedAt);
    }

    /**
     * A customer who qualified but was held out, for comparison.
     *
     * @param customerId the customer
     * @param decidedAt when the campaign decided to hold them out; their conversion window starts here
     *     as a treated customer's does
     * @return the assignment to {@link UpliftGroup#HOLDOUT}
     */
    public static UpliftAssignment holdout(CustomerId customerId, Instant decidedAt) {
        return new UpliftAssignment(customerId, UpliftGroup.HOLDOUT, decidedAt);
    }
}
