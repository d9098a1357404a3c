package dev.retention.testkit.contract;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.time.Instant;
import java.util.List;

/**
 * Terse event factories for the suites: times as ISO text, amounts as USD decimals, event ids made
 * up. One factory per test instance, so ids are unique within a test without shared state.
 */
final class EventFactory {
    private int sequence;

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    ProductViewed view(String customer, String iso, String product) {
        return new ProductViewed(nextId("v"), CustomerId.of(customer), at(iso), ProductId.of(product));
    }

    /** An order without line items, for {@code total} USD. */
    OrderPlaced order(String customer, String iso, String total) {
        String id = nextId("o");
        return new OrderPlaced(id, CustomerId.of(customer), at(iso), OrderId.of("order-" + id), List.of(),
                Money.parse(total, "USD"));
    }

    /** A refund of {@code amount} USD of {@code order}. */
    OrderRefunded refund(OrderPlaced order, String iso, String amount) {
        return new OrderRefunded(nextId("r"), order.customerId(), at(iso), order.orderId(), Money.parse(amount, "USD"));
    }

    private synchronized String nextId(String kind) {
        return kind + "-" + (++sequence);
    }
}
