package dev.retention.core.event;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import java.time.Instant;

/**
 * The customer opened a product card: the raw material of abandoned-view triggers and "viewed but
 * did not buy" segments. Each view is an event; a customer viewing one card three times is three
 * views (give each its own {@code eventId}, or they count once).
 *
 * @param eventId the event's unique id per customer, the idempotency key (see
 *     {@link CustomerEvent#eventId()}); not blank, well-formed UTF-16
 * @param customerId the customer who did it
 * @param occurredAt when it happened, between 1677-09-21T00:12:45Z and 2262-04-11T23:47:15Z (the
 *     nanoseconds since the epoch a {@code long} holds)
 * @param productId the product whose card was viewed
 */
public record ProductViewed(String eventId, CustomerId customerId, Instant occurredAt, ProductId productId)
        implements CustomerEvent {

    /**
     * Checks the event.
     *
     * @param eventId the idempotency key; not blank, well-formed UTF-16
     * @param customerId the customer
     * @param occurredAt when it happened
     * @param productId the product viewed
     * @throws IllegalArgumentException if {@code eventId} is null, blank or holds a lone surrogate, or
     *     {@code occurredAt} is outside the years the store can hold (the message names the field and
     *     the value)
     * @throws NullPointerException if {@code customerId}, {@code occurredAt} or {@code productId} is null
     */
    public ProductViewed {
        EventChecks.common(eventId, customerId, occurredAt);
        requireNonNull(productId, "productId");
    }
}
