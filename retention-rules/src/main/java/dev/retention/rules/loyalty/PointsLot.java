package dev.retention.rules.loyalty;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Points still held from one earning, as of a statement's instant. Redemptions consume lots
 * oldest first; a lot expires whole at {@code expiresAt} (the lot is valid in
 * {@code [earnedAt, expiresAt)}).
 */
public record PointsLot(Source source, Instant earnedAt, Instant availableAt, Optional<Instant> expiresAt,
        long remaining) {

    public PointsLot {
        requireNonNull(source, "source");
        requireNonNull(earnedAt, "earnedAt");
        requireNonNull(availableAt, "availableAt");
        requireNonNull(expiresAt, "expiresAt");
    }
}
