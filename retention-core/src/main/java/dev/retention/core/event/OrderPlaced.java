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
 * @param total what the order is worth, not negative
 */
public record OrderPlaced(
        String eventId, CustomerId customerId, Instant occurredAt, OrderId orderId, List<LineItem> items, Money total)
        implements CustomerEvent {

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

    /** An order whose total is the sum of its lines; it needs at least one line. */
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
