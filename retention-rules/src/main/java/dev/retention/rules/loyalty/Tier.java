package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One level of a {@link TierPolicy}.
 *
 * @param name the tier's name, not blank
 * @param threshold the qualifying value (in the policy's measure: minor units of spend, orders or
 *     points) a customer needs in the window; 0 for the base tier
 * @param benefits what the tier gives
 */
public record Tier(String name, long threshold, TierBenefits benefits) {

    /**
     * Validates the components.
     *
     * @param name the tier's name, not blank
     * @param threshold the qualifying value (in the policy's measure: minor units of spend, orders or
     *     points) a customer needs in the window; 0 for the base tier
     * @param benefits what the tier gives
     * @throws IllegalArgumentException if {@code name} is null or blank, or {@code threshold} is negative
     * @throws NullPointerException if {@code benefits} is null
     */
    public Tier {
        checkArgument(name != null && !name.isBlank(), "tier name must not be blank, got %s",
                name == null ? "null" : "'" + name + "'");
        checkArgument(threshold >= 0, "threshold of tier '%s' must not be negative, got %s", name, threshold);
        requireNonNull(benefits, "benefits");
    }
}
