package dev.retention.rules.trigger;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.segment.Segment;
import java.time.Instant;

/**
 * A yes/no question about a customer at an instant, such as "is in the segment lapsed-loyal".
 * Any segment can be adapted to this shape and turned into a trigger with
 * {@link Trigger#onEntering(String, CustomerCondition)}, or directly with {@link Trigger#onEntering(Segment)}.
 *
 * <p>Implementations must be pure functions of their arguments (no clock, no I/O) and thread-safe.
 */
@FunctionalInterface
public interface CustomerCondition {

    /**
     * Whether the condition holds for the customer at {@code now}, seeing the events at or before it.
     *
     * @param history the customer's events
     * @param profile the customer's profile
     * @param now the instant of evaluation
     * @return true if the condition holds
     */
    boolean test(CustomerHistory history, CustomerProfile profile, Instant now);
}
