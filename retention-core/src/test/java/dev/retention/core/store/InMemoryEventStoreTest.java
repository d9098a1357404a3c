package dev.retention.core.store;

import static dev.retention.core.EventFixtures.order;
import static dev.retention.core.EventFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.ProductViewed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEventStoreTest extends EventStoreContract {

    @Override
    protected EventStore newStore() {
        return new InMemoryEventStore();
    }

    @Test
    void trimmingKeepsEverySnapshotAndLaterAppendsWork() {
        InMemoryEventStore store = new InMemoryEventStore();
        for (int i = 0; i < 10; i++) {
            store.append(view("c1", "2026-01-01T00:0" + i + ":00Z", "p" + i));
        }
        store.append(order("c1", "2026-01-02T00:00:00Z", "10.00", "p1"));
        CustomerHistory before = store.history(CustomerId.of("c1"));
        long untrimmed = store.columnBytes();
        store.trimToSize();
        assertThat(store.columnBytes()).isLessThan(untrimmed);
        store.append(view("c1", "2025-12-31T00:00:00Z", "early"));
        store.append(view("c1", "2026-01-03T00:00:00Z", "late"));
        assertThat(before.events()).hasSize(11);
        assertThat(store.history(CustomerId.of("c1")).events()).hasSize(13)
                .first().extracting(e -> ((ProductViewed) e).productId()).isEqualTo(ProductId.of("early"));
    }

    @Test
    void idsStartingWithTheCustomerIdAreStoredShortButComeBackWhole() {
        InMemoryEventStore store = new InMemoryEventStore();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        CustomerId anna = CustomerId.of("anna");
        List<CustomerEvent> events = List.of(new ProductViewed("anna", anna, t, ProductId.of("p")),
                new ProductViewed("anna-1", anna, t, ProductId.of("p")),
                new ProductViewed("annabel-1", anna, t, ProductId.of("p")),
                new ProductViewed("-1", anna, t, ProductId.of("p")),
                new ProductViewed("\u00e9v\u00e9nement-\uD83D\uDE00", anna, t, ProductId.of("p")));
        assertThat(store.appendAll(events)).isEqualTo(5);
        assertThat(store.appendAll(events)).isZero();
        assertThat(store.history(anna).events()).extracting(CustomerEvent::eventId)
                .containsExactly("-1", "anna", "anna-1", "annabel-1", "\u00e9v\u00e9nement-\uD83D\uDE00");
    }

    @Test
    void columnBytesGrowWithTheEvents() {
        InMemoryEventStore store = new InMemoryEventStore();
        long empty = store.columnBytes();
        for (int i = 0; i < 1000; i++) {
            store.append(view("c" + (i % 10), "2026-01-01T00:00:00Z", "p" + (i % 50)));
        }
        assertThat(store.columnBytes()).isGreaterThan(empty + 1000 * 16);
    }
}
