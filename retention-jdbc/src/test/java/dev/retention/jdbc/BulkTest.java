package dev.retention.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.store.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Bulk appends in runs and JDBC batches, and histories streamed in pages, on both databases. */
class BulkTest {

    @Test
    void bulkAppendsStoreEveryEventOnceAndStopAtARefusalOnPostgres() {
        bulkAppends(Databases.newPostgresStore().events());
    }

    @Test
    void bulkAppendsStoreEveryEventOnceAndStopAtARefusalOnSqlite() {
        bulkAppends(Databases.newSqliteStore().events());
    }

    @Test
    void historiesStreamInPagesOverMoreCustomersThanAPageOnPostgres() {
        streamsInPages(Databases.newPostgresStore().events());
    }

    @Test
    void historiesStreamInPagesOverMoreCustomersThanAPageOnSqlite() {
        streamsInPages(Databases.newSqliteStore().events());
    }

    private static void bulkAppends(EventStore store) {
        List<CustomerEvent> events = new ArrayList<>();
        for (int c = 0; c < 30; c++) {
            CustomerId customer = CustomerId.of("c" + c);
            for (int v = 0; v < 40; v++) {
                events.add(HostileIdsTestBase.view(customer, "v-" + c + "-" + v));
            }
            events.add(HostileIdsTestBase.view(customer, "v-" + c + "-0")); // a repeat inside the run
            events.add(new OrderPlaced("o-" + c, customer, HostileIdsTestBase.T, OrderId.of("o-" + c), List.of(),
                    Money.parse("10.00", "EUR")));
        }
        assertThat(store.appendAll(events)).isEqualTo(30 * 41);
        assertThat(store.appendAll(events)).as("all repeats").isZero();
        assertThat(store.eventCount()).isEqualTo(30 * 41);
        assertThat(store.history(CustomerId.of("c7")).eventCount()).isEqualTo(41);
        assertThat(store.history(CustomerId.of("c7")).orderCount()).isEqualTo(1);

        CustomerId anna = CustomerId.of("anna");
        CustomerEvent before = HostileIdsTestBase.view(anna, "before");
        OrderRefunded tooMuch = new OrderRefunded("too-much", anna, HostileIdsTestBase.T, OrderId.of("o-0"),
                Money.parse("1.00", "EUR"));
        OrderPlaced order = new OrderPlaced("o-anna", anna, HostileIdsTestBase.T, OrderId.of("o-0"), List.of(),
                Money.parse("0.50", "EUR"));
        CustomerEvent after = HostileIdsTestBase.view(anna, "after");
        assertThatThrownBy(() -> store.appendAll(List.of(before, order, tooMuch, after)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too-much");
        assertThat(store.history(anna).events()).as("the events before the refused one stay stored")
                .containsExactlyInAnyOrder(before, order);
    }

    private static void streamsInPages(EventStore store) {
        List<CustomerEvent> events = new ArrayList<>();
        for (int c = 0; c < 600; c++) {
            events.add(HostileIdsTestBase.view(CustomerId.of(String.format("c%04d", c)), "v"));
            events.add(HostileIdsTestBase.view(CustomerId.of(String.format("c%04d", c)), "w"));
        }
        store.appendAll(events);
        AtomicInteger customers = new AtomicInteger();
        long total = store.histories().peek(h -> customers.incrementAndGet()).mapToLong(CustomerHistory::eventCount)
                .sum();
        assertThat(customers).hasValue(600);
        assertThat(total).isEqualTo(1200);
        assertThat(store.customerIds().distinct().count()).isEqualTo(600);
    }
}
