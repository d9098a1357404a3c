package dev.retention.core.event;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import java.time.Instant;

/**
 * The shop gave money back for an order: all of it (a full refund, {@code amount} equal to the
 * order's total) or part of it. Several partial refunds of one order are several events.
 *
 * <p>The refunds of an order may add up to its total, not more: a store refuses (does not clamp)
 * the refund that would exceed it, see {@link dev.retention.core.store.EventStore#append}.
 *
 * <p>A refund does not undo its order: order counts and bought products stay, and spend nets it
 * out only where a query says "net" (in the window the refund was made).
 *
 * @param eventId the event's unique id per customer, the idempotency key (see
 *     {@link CustomerEvent#eventId()}); not blank, well-formed UTF-16
 * @param customerId the customer who did it
 * @param occurredAt when it happened, between 1677-09-21T00:12:45Z and 2262-04-11T23:47:15Z (the
 *     nanoseconds since the epoch a {@code long} holds)
 * @param orderId the order the money was given back for; it may arrive before that order
 * @param amount the money given back by this refund, positive, in the order's currency
 */
public record OrderRefunded(String eventId, CustomerId customerId, Instant occurredAt, OrderId orderId, Money amount)
        implements CustomerEvent {

    /**
     * Checks the event. Whether the refund fits its order is checked by the store, which knows the
     * order.
     *
     * @param eventId the idempotency key; not blank, well-formed UTF-16
     * @param customerId the customer
     * @param occurredAt when it happened
     * @param orderId the refunded order
     * @param amount the money given back, positive
     * @throws IllegalArgumentException if {@code eventId} is null, blank or holds a lone surrogate,,
     *     {@code amount} is zero or negative, or {@code occurredAt} is outside the years the store can hold (the message names the field and
     *     the value)
     * @throws NullPointerException if {@code customerId}, {@code occurredAt}, {@code orderId} or {@code amount} is null
     */
    public OrderRefunded {
        EventChecks.common(eventId, customerId, occurredAt);
        requireNonNull(orderId, "orderId");
        requireNonNull(amount, "amount");
        checkArgument(amount.isPositive(), "refund amount must be positive, got %s (order %s)", amount, orderId);
    }
}
