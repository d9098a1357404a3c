package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * How a segment's members changed between two evaluations; triggers fire on {@link #entered()}.
 *
 * @param entered members at {@code to} that were not members at {@code from}, sorted
 * @param left members at {@code from} that are not members at {@code to}, sorted
 */
public record MembershipChange(Instant from, Instant to, List<CustomerId> entered, List<CustomerId> left) {

    public MembershipChange {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        entered = List.copyOf(requireNonNull(entered, "entered"));
        left = List.copyOf(requireNonNull(left, "left"));
    }

    public boolean isEmpty() {
        return entered.isEmpty() && left.isEmpty();
    }
}
