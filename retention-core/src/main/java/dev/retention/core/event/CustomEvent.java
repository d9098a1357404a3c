package dev.retention.core.event;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Instant;
import java.util.Map;

/**
 * Anything else the shop wants rules to see, e.g. {@code "review_written"} with
 * {@code {"rating": "5"}} or {@code "support_ticket"}. Attribute values are strings; rules parse
 * numbers from them where they compare numerically.
 */
public record CustomEvent(String eventId, CustomerId customerId, Instant occurredAt, String name,
        Map<String, String> attributes) implements CustomerEvent {

    public CustomEvent {
        EventChecks.common(eventId, customerId, occurredAt);
        checkArgument(name != null && !name.isBlank(), "custom event name must not be blank, got %s",
                name == null ? "null" : "'" + name + "'");
        attributes = Map.copyOf(requireNonNull(attributes, "attributes"));
    }

    public CustomEvent(String eventId, CustomerId customerId, Instant occurredAt, String name) {
        this(eventId, customerId, occurredAt, name, Map.of());
    }
}
