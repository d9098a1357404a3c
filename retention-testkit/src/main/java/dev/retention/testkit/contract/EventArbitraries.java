package dev.retention.testkit.contract;

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
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of customer events for the suites' properties. */
final class EventArbitraries {
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Currency USD = Currency.getInstance("USD");

    private EventArbitraries() {}

    /** Times on a coarse grid, so that events often share an instant and ties get exercised. */
    static Arbitrary<Instant> instants() {
        return Arbitraries.integers().between(0, 12).map(minutes -> BASE.plusSeconds(60L * minutes));
    }

    static Arbitrary<CustomerId> customers() {
        return Arbitraries.of("c1", "c2", "c3").map(CustomerId::of);
    }

    static Arbitrary<ProductId> products() {
        return Arbitraries.of("p1", "p2", "p3", "p4", "\u00e9t\u00e9-\u20ac").map(ProductId::of);
    }

    static Arbitrary<Money> amounts() {
        return Arbitraries.longs().between(0, 50_000).map(minor -> Money.ofMinor(minor, USD));
    }

    /** Events of every kind. */
    static Arbitrary<CustomerEvent> events() {
        Arbitrary<LineItem> line = Combinators.combine(products(), Arbitraries.integers().between(1, 3), amounts())
                .as(LineItem::new);
        Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(6)
                .map(s -> "e-" + s);
        return Combinators.combine(ids, customers(), instants(), Arbitraries.integers().between(0, 4), products(),
                line.list().ofMaxSize(3), amounts()).as((rawId, customer, at, kind, product, lines, amount) -> {
                    // a store may keep ids that start with the customer id shortened: exercise both forms
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

    /** Up to 40 events with distinct ids per customer (a repeated id keeps its first event). */
    static Arbitrary<List<CustomerEvent>> eventSets() {
        return events().list().ofMaxSize(40).map(list -> {
            Map<String, CustomerEvent> byId = new LinkedHashMap<>();
            for (CustomerEvent e : list) {
                byId.putIfAbsent(e.customerId() + "/" + e.eventId(), e);
            }
            return List.copyOf(byId.values());
        });
    }

    /** The events shuffled with {@code seed}, about a third of them repeated. */
    static List<CustomerEvent> shuffledWithRepeats(List<CustomerEvent> events, long seed) {
        Random random = new Random(seed);
        List<CustomerEvent> out = new ArrayList<>(events);
        for (CustomerEvent e : events) {
            if (random.nextInt(3) == 0) {
                out.add(e);
            }
        }
        Collections.shuffle(out, random);
        return out;
    }
}
