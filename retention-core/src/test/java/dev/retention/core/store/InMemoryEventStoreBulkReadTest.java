package dev.retention.core.store;

import static dev.retention.core.EventFixtures.order;
import static dev.retention.core.EventFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link InMemoryEventStore#readHistories} lends one history per split to one customer after
 * another, in groups: every customer is read once, with their own events and id, whichever way
 * the stream is consumed, and a history kept past its reader's call refuses to answer.
 */
class InMemoryEventStoreBulkReadTest {
    /** More customers than a group, and a count that leaves a part group at the end. */
    private static final int CUSTOMERS = 101;

    private static InMemoryEventStore shop() {
        InMemoryEventStore store = new InMemoryEventStore();
        for (int c = 0; c < CUSTOMERS; c++) {
            for (int v = 0; v <= c % 5; v++) {
                store.append(view("c" + c, "2026-01-0" + (1 + v) + "T00:00:00Z", "p" + v));
            }
            if (c % 3 == 0) {
                store.append(order("c" + c, "2026-01-09T00:00:00Z", "5.00"));
            }
        }
        return store;
    }

    private static String summary(CustomerHistory h) {
        return h.customerId().value() + ":" + h.viewCount() + "/" + h.orderCount();
    }

    @Test
    void everyCustomerIsReadOnceWithTheirOwnEventsSequentialParallelOrOneAtATime() {
        InMemoryEventStore store = shop();
        Map<String, String> expected = store.histories()
                .collect(Collectors.toMap(h -> h.customerId().value(), InMemoryEventStoreBulkReadTest::summary));
        assertThat(expected).hasSize(CUSTOMERS);
        assertThat(expected.get("c7")).isEqualTo("c7:3/0");

        List<String> sequential = store.readHistories(InMemoryEventStoreBulkReadTest::summary).toList();
        List<String> parallel = store.readHistories(InMemoryEventStoreBulkReadTest::summary).parallel().toList();
        List<String> oneAtATime = new ArrayList<>(); // the iterator advances one customer at a time (tryAdvance)
        Iterator<String> it = store.readHistories(InMemoryEventStoreBulkReadTest::summary).iterator();
        while (it.hasNext()) {
            oneAtATime.add(it.next());
        }
        for (List<String> read : List.of(sequential, parallel, oneAtATime)) {
            assertThat(read).containsExactlyInAnyOrderElementsOf(expected.values());
        }
    }

    @Test
    void nullResultsArePassedOnAndAKeptHistoryRefusesToAnswer() {
        InMemoryEventStore store = shop();
        List<CustomerHistory> kept = new ArrayList<>();
        long nulls = store.readHistories(h -> {
            kept.add(h);
            return h.orderCount() > 0 ? h.customerId() : null;
        }).filter(id -> id == null).count();
        assertThat(nulls).isEqualTo(CUSTOMERS - (CUSTOMERS + 2) / 3);
        assertThatThrownBy(() -> kept.get(0).orderCount()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> kept.get(0).customerId()).isInstanceOf(IllegalStateException.class);
        assertThat(store.readHistories(CustomerHistory::customerId).filter(CustomerId.of("c42")::equals).count())
                .isEqualTo(1);
    }
}
