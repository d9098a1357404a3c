package dev.retention.core;

import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of core values shared by the module's properties. */
public final class CoreArbitraries {
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private CoreArbitraries() {}

    /** Times on a coarse grid, so that events often share an instant and ties get exercised. */
    public static Arbitrary<Instant> instants() {
        return Arbitraries.integers().between(0, 12).map(minutes -> BASE.plusSeconds(60L * minutes));
    }

    public static Arbitrary<CustomerId> customers() {
        return Arbitraries.of("c1", "c2", "c3").map(CustomerId::of);
    }

    public static Arbitrary<ProductId> products() {
        return Arbitraries.of("p1", "p2", "p3", "p4", "\u00e9t\u00e9-\u20ac").map(ProductId::of);
    }

    public static Arbitrary<Money> amounts() {
        return Arbitraries.longs().between(0, 50_000).map(minor -> Money.ofMinor(minor, java.util.Currency.getInstance("USD")));
    }

    /** Events of every kind with unique ids. */
    public static Arbitrary<CustomerEvent> events() {
        Arbitrary<LineItem> line = Combinators.combine(products(), Arbitraries.integers().between(1, 3), amounts())
                .as(LineItem::new);
        Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(6)
                .map(s -> "e-" + s);
        return Combinators.combine(ids, customers(), instants(), Arbitraries.integers().between(0, 4), products(),
                line.list().ofMaxSize(3), amounts()).as((rawId, customer, at, kind, product, lines, amount) -> {
                    // ids that start with the customer id are stored shortened: exercise both forms
                    String id = rawId.length() % 2 == 0 ? customer.value() + rawId : rawId;
                    switch (kind) {
                        case 0:
                            return new ProductViewed(id, customer, at, product);
                        case 1:
                            return new CartUpdated(id, customer, at, lines);
                        case 2:
                            Money total = lines.stream().map(LineItem::amount).reduce(Money::plus).orElse(amount);
                            return new OrderPlaced(id, customer, at, OrderId.of("o-" + customer + "-" + id), lines, total);
                        case 3:
                            return new OrderRefunded(id, customer, at, OrderId.of("o-" + customer + "-" + id),
                                    Money.ofMinor(amount.minorUnits() + 1, amount.currency()));
                        default:
                            return new CustomEvent(id, customer, at, "review", Map.of("rating", String.valueOf(kind)));
                    }
                });
    }

    /** Distinct-id events (repeated ids dropped, keeping the first). */
    public static Arbitrary<List<CustomerEvent>> eventSets() {
        return events().list().ofMaxSize(40).map(list -> {
            java.util.Map<String, CustomerEvent> byId = new java.util.LinkedHashMap<>();
            for (CustomerEvent e : list) {
                byId.putIfAbsent(e.customerId() + "/" + e.eventId(), e);
            }
            return List.copyOf(byId.values());
        });
    }
}
