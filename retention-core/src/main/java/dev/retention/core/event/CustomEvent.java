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
 *
 * @param eventId the event's unique id per customer, the idempotency key (see
 *     {@link CustomerEvent#eventId()}); not blank, well-formed UTF-16
 * @param customerId the customer who did it
 * @param occurredAt when it happened, between 1677-09-21T00:12:45Z and 2262-04-11T23:47:15Z (the
 *     nanoseconds since the epoch a {@code long} holds)
 * @param name what happened, e.g. {@code "review_written"}; not blank, compared exactly
 * @param attributes details as string pairs; an immutable copy, empty if none
 */
public record CustomEvent(String eventId, CustomerId customerId, Instant occurredAt, String name,
        Map<String, String> attributes) implements CustomerEvent {

    /**
     * Checks the event and copies the attributes.
     *
     * @param eventId the idempotency key; not blank, well-formed UTF-16
     * @param customerId the customer
     * @param occurredAt when it happened
     * @param name what happened; not blank
     * @param attributes details as string pairs, may be empty
     * @throws IllegalArgumentException if {@code eventId} is null, blank or holds a lone surrogate,, {@code name}
     *     is null or blank, or {@code occurredAt} is outside the years the store can hold (the message names the field and
     *     the value)
     * @throws NullPointerException if {@code customerId}, {@code occurredAt}, {@code attributes} or an attribute name
     *     or value is null
     */
    public CustomEvent {
        EventChecks.common(eventId, customerId, occurredAt);
        checkArgument(name != null && !name.isBlank(), "custom event name must not be blank, got %s",
                name == null ? "null" : "'" + name + "'");
        attributes = Map.copyOf(requireNonNull(attributes, "attributes"));
    }

    /**
     * A custom event without attributes, e.g. {@code "newsletter_opened"}.
     *
     * @param eventId the idempotency key; not blank, well-formed UTF-16
     * @param customerId the customer
     * @param occurredAt when it happened
     * @param name what happened; not blank
     * @throws IllegalArgumentException if {@code eventId} is null, blank or holds a lone surrogate,, {@code name}
     *     is null or blank, or {@code occurredAt} is outside the years the store can hold (the message names the field and
     *     the value)
     * @throws NullPointerException if {@code customerId}, {@code occurredAt} or
     *     {@code occurredAt} is null
     */
    public CustomEvent(String eventId, CustomerId customerId, Instant occurredAt, String name) {
        this(eventId, customerId, occurredAt, name, Map.of());
    }
}
