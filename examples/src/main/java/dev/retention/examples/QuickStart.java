package dev.retention.examples;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** The README's quick start, kept compiling and tested ({@code QuickStartTest}). */
public final class QuickStart {
    private QuickStart() {}

    public static CustomerHistory annasHistory() {
        // quick-start:begin
        EventStore events = new InMemoryEventStore();
        CustomerId anna = CustomerId.of("anna");
        ProductId sneaker = ProductId.of("sneaker-42");

        events.append(new ProductViewed("ev-1", anna, Instant.parse("2026-03-01T10:00:00Z"), sneaker));
        events.append(OrderPlaced.of("ev-2", anna, Instant.parse("2026-03-01T10:20:00Z"), OrderId.of("o-1001"),
                List.of(LineItem.of(sneaker, 2, Money.parse("44.95", "EUR")))));
        events.append(new OrderRefunded("ev-3", anna, Instant.parse("2026-03-09T09:00:00Z"), OrderId.of("o-1001"),
                Money.parse("44.95", "EUR")));
        events.append(new ProductViewed("ev-1", anna, Instant.parse("2026-03-01T10:00:00Z"), sneaker)); // repeat: ignored

        CustomerHistory history = events.history(anna);
        Instant now = Instant.parse("2026-03-10T00:00:00Z");
        int orders = history.orderCountAsOf(now);                                  // 1
        Money spent = history.netSpendAsOf(Currency.getInstance("EUR"), now);      // 44.95 EUR
        List<ProductId> viewed = history.productsViewed(now.minusSeconds(86_400 * 30), now); // [sneaker-42]
        // quick-start:end
        return history;
    }
}
