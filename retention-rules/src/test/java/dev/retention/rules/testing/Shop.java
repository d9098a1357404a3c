package dev.retention.rules.testing;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Builds events the way a shop backend reports them; every product costs 10.00 USD per unit. */
public final class Shop {
    public static final Money UNIT_PRICE = Money.of(10, "USD");
    private static final AtomicLong IDS = new AtomicLong();

    private Shop() {
    }

    public static CustomerId customer(String id) {
        return CustomerId.of(id);
    }

    public static ProductId product(String id) {
        return ProductId.of(id);
    }

    public static ProductViewed view(CustomerId customer, String product, Instant at) {
        return new ProductViewed("v-" + IDS.incrementAndGet(), customer, at, ProductId.of(product));
    }

    /** An order of one unit of each product. */
    public static OrderPlaced order(CustomerId customer, Instant at, String... products) {
        List<LineItem> lines = Arrays.stream(products).map(p -> LineItem.of(ProductId.of(p), 1, UNIT_PRICE)).toList();
        long n = IDS.incrementAndGet();
        return OrderPlaced.of("o-" + n, customer, at, OrderId.of("order-" + n), lines);
    }

    /** An order with the given total and no lines. */
    public static OrderPlaced orderWorth(CustomerId customer, Instant at, Money total) {
        long n = IDS.incrementAndGet();
        return new OrderPlaced("o-" + n, customer, at, OrderId.of("order-" + n), List.of(), total);
    }

    public static OrderRefunded refund(OrderPlaced order, Money amount, Instant at) {
        return new OrderRefunded("r-" + IDS.incrementAndGet(), order.customerId(), at, order.orderId(), amount);
    }

    public static CartUpdated cart(CustomerId customer, Instant at, String... products) {
        List<LineItem> lines = Arrays.stream(products).map(p -> LineItem.of(ProductId.of(p), 1, UNIT_PRICE)).toList();
        return new CartUpdated("c-" + IDS.incrementAndGet(), customer, at, lines);
    }
}
