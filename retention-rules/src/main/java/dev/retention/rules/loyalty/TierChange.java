package dev.retention.rules.loyalty;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Instant;

/**
 * A tier event a campaign can trigger on ("welcome to Gold", "keep your Silver status").
 *
 * @param customerId the customer
 * @param kind what happened
 * @param at when it happened
 * @param from the tier before the change (for {@link TierChangeKind#AT_RISK}: the tier at risk)
 * @param to the tier after the change (for {@link TierChangeKind#AT_RISK}: the tier the customer
 *     would fall to if the review were now)
 */
public record TierChange(CustomerId customerId, TierChangeKind kind, Instant at, String from, String to) {

    /**
     * Validates the components.
     *
     * @param customerId the customer
     * @param kind what happened
     * @param at when it happened
     * @param from the tier before the change (for {@link TierChangeKind#AT_RISK}: the tier at risk)
     * @param to the tier after the change (for {@link TierChangeKind#AT_RISK}: the tier the customer
     *     would fall to if the review were now)
     * @throws NullPointerException if a component is null
     */
    public TierChange {
        requireNonNull(customerId, "customerId");
        requireNonNull(kind, "kind");
        requireNonNull(at, "at");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
    }
}
