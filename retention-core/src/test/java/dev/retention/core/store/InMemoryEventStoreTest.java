package dev.retention.core.store;

import static dev.retention.core.EventFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryEventStoreTest extends EventStoreContract {

    @Override
    protected EventStore newStore() {
        return new InMemoryEventStore();
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
