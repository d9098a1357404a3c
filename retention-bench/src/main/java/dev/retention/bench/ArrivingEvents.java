package dev.retention.bench;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of events, made in the order they will be replayed. The generator makes a
 * customer's events together, so after sorting by time consecutive events lie far apart in the
 * heap; a shop's engine gets each event freshly decoded from the wire instead. Copying in replay
 * order puts the benchmark's input where a real input would be, so the engine is measured, not
 * the harness's memory layout.
 */
final class ArrivingEvents {
    private ArrivingEvents() {
    }

    static List<CustomerEvent> inReplayOrder(List<CustomerEvent> sorted) {
        List<CustomerEvent> out = new ArrayList<>(sorted.size());
        for (CustomerEvent event : sorted) {
            out.add(copy(event));
        }
        return out;
    }

    static CustomerEvent copy(CustomerEvent event) {
        String id = fresh(event.eventId());
        CustomerId customer = CustomerId.of(fresh(event.customerId().value()));
        Instant at = Instant.ofEpochSecond(event.occurredAt().getEpochSecond(), event.occurredAt().getNano());
        if (event instanceof ProductViewed v) {
            return new ProductViewed(id, customer, at, product(v.productId()));
        } else if (event instanceof CartUpdated c) {
            return new CartUpdated(id, customer, at, lines(c.items()));
        } else if (event instanceof OrderPlaced o) {
            return new OrderPlaced(id, customer, at, OrderId.of(fresh(o.orderId().value())), lines(o.items()),
                    money(o.total()));
        } else if (event instanceof OrderRefunded r) {
            return new OrderRefunded(id, customer, at, OrderId.of(fresh(r.orderId().value())), money(r.amount()));
        } else if (event instanceof CustomEvent x) {
            Map<String, String> attributes = new HashMap<>();
            x.attributes().forEach((k, value) -> attributes.put(fresh(k), fresh(value)));
            return new CustomEvent(id, customer, at, fresh(x.name()), attributes);
        }
        throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
    }

    private static String fresh(String s) {
        return new String(s.toCharArray());
    }

    private static ProductId product(ProductId p) {
        return ProductId.of(fresh(p.value()));
    }

    private static Money money(Money m) {
        return Money.ofMinor(m.minorUnits(), m.currency());
    }

    private static List<LineItem> lines(List<LineItem> items) {
        List<LineItem> out = new ArrayList<>(items.size());
        for (LineItem item : items) {
            out.add(new LineItem(product(item.productId()), item.quantity(), money(item.amount())));
        }
        return out;
    }
}
