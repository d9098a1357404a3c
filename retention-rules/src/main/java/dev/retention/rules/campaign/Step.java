package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A step of a campaign sequence: its message and when it is due, counted from the customer's
 * entry into the campaign. Step 0 is the campaign's first message, due at once.
 *
 * @param afterEntry the delay from the customer's entry, not negative
 * @param message what the step sends
 */
public record Step(Duration afterEntry, Message message) {

    /**
     * Validates the components.
     *
     * @param afterEntry the delay from the customer's entry, not negative
     * @param message what the step sends
     * @throws IllegalArgumentException if {@code afterEntry} is negative
     * @throws NullPointerException if a component is null
     */
    public Step {
        requireNonNull(afterEntry, "afterEntry");
        checkArgument(!afterEntry.isNegative(), "step delay must not be negative, got %s", afterEntry);
        requireNonNull(message, "message");
    }
}
