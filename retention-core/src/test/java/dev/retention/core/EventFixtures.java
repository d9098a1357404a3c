package dev.retention.core;

import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Terse event factories for tests: times as ISO text, amounts as USD decimals, ids made up. */
public final class EventFixtures {
    private static int sequence;

    private EventFixtures() {}

    public static Instant at(String iso) {
        return Instant.parse(iso);
    }

    public static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    public static ProductViewed view(String customer, String iso, String product) {
        return new ProductViewed(nextId("v"), CustomerId.of(customer), at(iso), ProductId.of(product));
    }

    /** An order of one unit of each product at {@code total} split evenly; products may be empty. */
    public static OrderPlaced order(String customer, String iso, String total, String... products) {
        Money sum = usd(total);
        List<LineItem> lines = new ArrayList<>();
        for (int i = 0; i < products.length; i++) {
            long share = sum.minorUnits() / products.length + (i == 0 ? sum.minorUnits() % products.length : 0);
            lines.add(new LineItem(ProductId.of(products[i]), 1, Money.ofMinor(share, sum.currency())));
        }
        String id = nextId("o");
        return new OrderPlaced(id, CustomerId.of(customer), at(iso), OrderId.of("order-" + id), lines, sum);
    }

    public static OrderRefunded refund(OrderPlaced order, String iso, String amount) {
        return new OrderRefunded(nextId("r"), order.customerId(), at(iso), order.orderId(), usd(amount));
    }

    public static CartUpdated cart(String customer, String iso, String... products) {
        List<LineItem> lines = new ArrayList<>();
        for (String p : products) {
            lines.add(LineItem.of(ProductId.of(p), 1, usd("10.00")));
        }
        return new CartUpdated(nextId("k"), CustomerId.of(customer), at(iso), lines);
    }

    public static CustomEvent custom(String customer, String iso, String name, Map<String, String> attributes) {
        return new CustomEvent(nextId("x"), CustomerId.of(customer), at(iso), name, attributes);
    }

    private static synchronized String nextId(String kind) {
        return kind + "-" + (++sequence);
    }
}
