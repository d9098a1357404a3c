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
 * @param amount the money given back by this refund, positive
 */
public record OrderRefunded(String eventId, CustomerId customerId, Instant occurredAt, OrderId orderId, Money amount)
        implements CustomerEvent {

    public OrderRefunded {
        EventChecks.common(eventId, customerId, occurredAt);
        requireNonNull(orderId, "orderId");
        requireNonNull(amount, "amount");
        checkArgument(amount.isPositive(), "refund amount must be positive, got %s (order %s)", amount, orderId);
    }
}
