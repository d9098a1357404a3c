package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import java.time.Instant;

/**
 * Points turned into a discount.
 *
 * @param customerId the customer
 * @param redemptionId the shop's id for the redemption
 * @param at when the points were spent
 * @param points the points spent, positive
 * @param discount what the points buy at the program's rate, rounded down to the minor unit
 */
public record Redemption(CustomerId customerId, String redemptionId, Instant at, long points, Money discount) {

    /**
     * Validates the components.
     *
     * @param customerId the customer
     * @param redemptionId the shop's id for the redemption
     * @param at when the points were spent
     * @param points the points spent, positive
     * @param discount what the points buy at the program's rate, rounded down to the minor unit
     * @throws IllegalArgumentException if {@code redemptionId} is blank or {@code points} is not positive
     * @throws NullPointerException if a component is null
     */
    public Redemption {
        requireNonNull(customerId, "customerId");
        checkArgument(redemptionId != null && !redemptionId.isBlank(), "redemptionId must not be blank");
        requireNonNull(at, "at");
        requireNonNull(discount, "discount");
        checkArgument(points > 0, "points must be positive, got %s", points);
    }
}
