package dev.retention.testkit;

import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a customer's latest events for failure messages: what the reader needs to see why. */
final class RecentEvents {
    static final int LIMIT = 10;

    private RecentEvents() {
    }

    /** The last {@link #LIMIT} events at or before {@code asOf}, oldest first, one per line; later ones are counted. */
    static String render(CustomerHistory history, Instant asOf) {
        List<CustomerEvent> upTo = history.events().stream().filter(e -> !e.occurredAt().isAfter(asOf)).toList();
        long later = history.events().size() - upTo.size();
        StringBuilder out = new StringBuilder();
        if (upTo.isEmpty()) {
            out.append("  (no events at or before ").append(asOf).append(")\n");
        }
        if (upTo.size() > LIMIT) {
            out.append("  ... ").append(upTo.size() - LIMIT).append(" earlier events\n");
        }
        for (CustomerEvent event : upTo.subList(Math.max(0, upTo.size() - LIMIT), upTo.size())) {
            out.append("  ").append(event.occurredAt()).append("  ").append(describe(event)).append('\n');
        }
        if (later > 0) {
            out.append("  (").append(later).append(" later events after ").append(asOf).append(" not counted)\n");
        }
        return out.toString();
    }

    static String describe(CustomerEvent event) {
        if (event instanceof OrderPlaced order) {
            return "order " + order.orderId().value() + " " + items(order.items()) + " total " + order.total();
        }
        if (event instanceof OrderRefunded refund) {
            return "refund of order " + refund.orderId().value() + ": " + refund.amount();
        }
        if (event instanceof ProductViewed view) {
            return "viewed " + view.productId().value();
        }
        if (event instanceof CartUpdated cart) {
            return cart.isEmpty() ? "emptied cart" : "cart " + items(cart.items());
        }
        if (event instanceof CustomEvent custom) {
            return "custom event " + custom.name() + (custom.attributes().isEmpty() ? "" : " " + custom.attributes());
        }
        return event.toString();
    }

    private static String items(List<LineItem> items) {
        return items.stream().map(i -> i.productId().value() + " x" + i.quantity())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
