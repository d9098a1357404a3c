package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import java.time.Instant;

/**
 * Points turned into a discount.
 *
 * @param discount what the points buy at the program's rate, rounded down to the minor unit
 */
public record Redemption(CustomerId customerId, String redemptionId, Instant at, long points, Money discount) {

    public Redemption {
        requireNonNull(customerId, "customerId");
        checkArgument(redemptionId != null && !redemptionId.isBlank(), "redemptionId must not be blank");
        requireNonNull(at, "at");
        requireNonNull(discount, "discount");
        checkArgument(points > 0, "points must be positive, got %s", points);
    }
}
