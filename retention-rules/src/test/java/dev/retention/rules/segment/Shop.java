package dev.retention.rules.segment;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds one customer's events for tests, with unique event ids. */
final class Shop {
    static final CustomerId ANNA = CustomerId.of("anna");
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final CustomerId customer;
    private final List<CustomerEvent> events = new ArrayList<>();
    private int next;
    private String lastOrder = "none";

    private Shop(CustomerId customer) {
        this.customer = customer;
    }

    static Shop customer(CustomerId customer) {
        return new Shop(customer);
    }

    static Shop anna() {
        return new Shop(ANNA);
    }

    static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    Shop order(Instant at, String total, String... products) {
        List<LineItem> lines = new ArrayList<>();
        for (String p : products) {
            lines.add(new LineItem(ProductId.of(p), 1, Money.zero(usd("0").currency())));
        }
        String id = "o" + (++next);
        lastOrder = id;
        events.add(new OrderPlaced(id, customer, at, OrderId.of(id), lines, usd(total)));
        return this;
    }

    Shop orderIn(Instant at, Money total) {
        String id = "o" + (++next);
        lastOrder = id;
        events.add(new OrderPlaced(id, customer, at, OrderId.of(id), List.of(), total));
        return this;
    }

    /** Refunds {@code amount} of the last order added so far, at {@code at}. */
    Shop refundLast(Instant at, String amount) {
        events.add(new OrderRefunded("r" + (++next), customer, at, OrderId.of(lastOrder), usd(amount)));
        return this;
    }

    Shop view(Instant at, String product) {
        events.add(new ProductViewed("v" + (++next), customer, at, ProductId.of(product)));
        return this;
    }

    Shop cart(Instant at, String... products) {
        List<LineItem> lines = new ArrayList<>();
        for (String p : products) {
            lines.add(new LineItem(ProductId.of(p), 1, usd("10")));
        }
        events.add(new CartUpdated("c" + (++next), customer, at, lines));
        return this;
    }

    Shop custom(Instant at, String name, Map<String, String> attributes) {
        events.add(new CustomEvent("e" + (++next), customer, at, name, attributes));
        return this;
    }

    List<CustomerEvent> events() {
        return List.copyOf(events);
    }

    CustomerHistory history() {
        return CustomerHistory.of(customer, events);
    }

    /** Evaluates the condition on this history with an unknown profile. */
    boolean test(Condition condition, Instant now) {
        return condition.test(history(), CustomerProfile.unknown(customer), now);
    }

    boolean test(Condition condition) {
        return test(condition, NOW);
    }
}
