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

    public UpliftAssignment {
        requireNonNull(customerId, "customerId");
        requireNonNull(group, "group");
        requireNonNull(decidedAt, "decidedAt");
    }

    public static UpliftAssignment treated(CustomerId customerId, Instant decidedAt) {
        return new UpliftAssignment(customerId, UpliftGroup.TREATED, decidedAt);
    }

    public static UpliftAssignment holdout(CustomerId customerId, Instant decidedAt) {
        return new UpliftAssignment(customerId, UpliftGroup.HOLDOUT, decidedAt);
    }
}
