package dev.retention.core.event;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import java.time.Instant;
import java.util.List;

/**
 * The customer placed an order.
 *
 * <p>{@code total} is what the customer paid; it may differ from the sum of the lines (shipping,
 * discounts), and the lines may be empty when the source knows only the total (as in the CDNOW
 * data set). All lines must be in the total's currency.
 *
 * @param eventId the event's unique id per customer, the idempotency key (see
 *     {@link CustomerEvent#eventId()}); not blank, well-formed UTF-16
 * @param customerId the customer who did it
 * @param occurredAt when it happened, between 1677-09-21T00:12:45Z and 2262-04-11T23:47:15Z (the
 *     nanoseconds since the epoch a {@code long} holds)
 * @param orderId the shop's order number; refunds refer to it
 * @param items the order's lines, all in the total's currency; an immutable copy, may be empty
 * @param total what the order is worth, not negative; spend and order values count it, not the
 *     lines
 */
public record OrderPlaced(
        String eventId, CustomerId customerId, Instant occurredAt, OrderId orderId, List<LineItem> items, Money total)
        implements CustomerEvent {

    /**
     * Checks the event and copies the lines.
     *
     * @param eventId the idempotency key; not blank, well-formed UTF-16
     * @param customerId the customer
     * @param occurredAt when it happened
     * @param orderId the order number
     * @param items the lines, may be empty; each in the total's currency
     * @param total what the customer paid, not negative
     * @throws IllegalArgumentException if {@code eventId} is null, blank or holds a lone surrogate,,
     *     {@code total} is negative, a line is in another currency than the total, or
     *     {@code occurredAt} is outside the years the store can hold (the message names the field and
     *     the value)
     * @throws NullPointerException if {@code customerId}, {@code occurredAt}, {@code orderId}, {@code items}, a
     *     line or {@code total} is null
     */
    public OrderPlaced {
        EventChecks.common(eventId, customerId, occurredAt);
        requireNonNull(orderId, "orderId");
        requireNonNull(total, "total");
        items = List.copyOf(requireNonNull(items, "items"));
        checkArgument(!total.isNegative(), "total must not be negative, got %s (order %s)", total, orderId);
        for (LineItem item : items) {
            checkArgument(item.amount().currency().equals(total.currency()),
                    "line of %s is in %s but the order total is in %s (order %s)",
                    item.productId(), item.amount().currency(), total.currency(), orderId);
        }
    }

    /**
     * An order whose total is the sum of its lines; it needs at least one line.
     *
     * @param eventId the idempotency key; not blank, well-formed UTF-16
     * @param customerId the customer
     * @param occurredAt when it happened
     * @param orderId the order number
     * @param items the lines, at least one, all in one currency
     * @return the order, its total the exact sum of the lines' amounts
     * @throws IllegalArgumentException if {@code items} is empty or its lines are in more than one
     *     currency, or the event is refused as the constructor says
     * @throws ArithmeticException if the sum of the lines overflows a {@code long} of minor units
     * @throws NullPointerException if {@code items} or another argument is null
     */
    public static OrderPlaced of(String eventId, CustomerId customerId, Instant occurredAt, OrderId orderId,
            List<LineItem> items) {
        requireNonNull(items, "items");
        checkArgument(!items.isEmpty(), "an order built from its lines needs at least one line (order %s)", orderId);
        Money total = items.get(0).amount();
        for (int i = 1; i < items.size(); i++) {
            total = total.plus(items.get(i).amount());
        }
        return new OrderPlaced(eventId, customerId, occurredAt, orderId, items, total);
    }
}
