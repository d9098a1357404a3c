package dev.retention.testkit.backtest;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.OrderPlaced;
import java.time.Instant;
import java.util.List;

/** Hand-made orders for the backtest tests. */
final class Orders {
    private static int next;

    private Orders() {
    }

    static OrderPlaced order(String customer, String at, long dollars) {
        String id = "o" + (++next);
        return new OrderPlaced(id, CustomerId.of(customer), Instant.parse(at), OrderId.of(id), List.of(),
                Money.of(dollars, "USD"));
    }
}
