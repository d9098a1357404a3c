package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * How a segment's members changed between two evaluations; triggers fire on {@link #entered()}.
 *
 * @param from the instant of the earlier evaluation
 * @param to the instant of the later evaluation
 * @param entered members at {@code to} that were not members at {@code from}, sorted
 * @param left members at {@code from} that are not members at {@code to}, sorted
 */
public record MembershipChange(Instant from, Instant to, List<CustomerId> entered, List<CustomerId> left) {

    /**
     * Validates the components and copies the lists.
     *
     * @param from the instant of the earlier evaluation
     * @param to the instant of the later evaluation
     * @param entered members at {@code to} that were not members at {@code from}, sorted
     * @param left members at {@code from} that are not members at {@code to}, sorted
     * @throws NullPointerException if a component is null
     */
    public MembershipChange {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        entered = List.copyOf(requireNonNull(entered, "entered"));
        left = List.copyOf(requireNonNull(left, "left"));
    }

    /**
     * Whether nobody entered or left.
     *
     * @return true if both {@link #entered()} and {@link #left()} are empty
     */
    public boolean isEmpty() {
        return entered.isEmpty() && left.isEmpty();
    }
}
