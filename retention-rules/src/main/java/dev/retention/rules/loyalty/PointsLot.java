package dev.retention.rules.loyalty;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Points still held from one earning, as of a statement's instant. Redemptions consume lots
 * oldest first; a lot expires whole at {@code expiresAt} (the lot is valid in
 * {@code [earnedAt, expiresAt)}).
 *
 * @param source the earning the points come from
 * @param earnedAt when they were earned
 * @param availableAt when they become (or became) spendable
 * @param expiresAt when the lot expires, or empty if points never expire
 * @param remaining the points left in the lot
 */
public record PointsLot(Source source, Instant earnedAt, Instant availableAt, Optional<Instant> expiresAt,
        long remaining) {

    /**
     * Validates the components.
     *
     * @param source the earning the points come from
     * @param earnedAt when they were earned
     * @param availableAt when they become (or became) spendable
     * @param expiresAt when the lot expires, or empty if points never expire
     * @param remaining the points left in the lot
     * @throws NullPointerException if a component is null
     */
    public PointsLot {
        requireNonNull(source, "source");
        requireNonNull(earnedAt, "earnedAt");
        requireNonNull(availableAt, "availableAt");
        requireNonNull(expiresAt, "expiresAt");
    }
}
