package dev.retention.core.event;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.internal.Utf16;
import java.time.Instant;

/** The checks every event record makes in its compact constructor. */
final class EventChecks {
    /** The store keeps nanoseconds since the epoch in a long: about the years 1678 to 2261. */
    static final Instant EARLIEST = Instant.ofEpochSecond(-9_223_372_036L + 1);
    static final Instant LATEST = Instant.ofEpochSecond(9_223_372_036L - 1);

    private EventChecks() {}

    static void common(String eventId, CustomerId customerId, Instant occurredAt) {
        if (eventId == null || eventId.isBlank()) {
            // the message is made only for a bad id: every event passes here
            throw new IllegalArgumentException("eventId must not be blank, got "
                    + (eventId == null ? "null" : "'" + eventId + "'"));
        }
        Utf16.checkWellFormed("eventId", eventId);
        requireNonNull(customerId, "customerId");
        requireNonNull(occurredAt, "occurredAt");
        checkArgument(!occurredAt.isBefore(EARLIEST) && !occurredAt.isAfter(LATEST),
                "occurredAt must lie between %s and %s, got %s (event %s)", EARLIEST, LATEST, occurredAt, eventId);
    }
}
