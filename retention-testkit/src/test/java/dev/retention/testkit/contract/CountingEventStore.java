package dev.retention.testkit.contract;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** A user's own event store, as the README shows one: the in-memory store, counting appends. */
final class CountingEventStore implements EventStore {
    private final InMemoryEventStore inner = new InMemoryEventStore();
    final AtomicLong appends = new AtomicLong();

    @Override
    public boolean append(CustomerEvent event) {
        appends.incrementAndGet();
        return inner.append(event);
    }

    @Override
    public CustomerHistory history(CustomerId customerId) {
        return inner.history(customerId);
    }

    @Override
    public Stream<CustomerId> customerIds() {
        return inner.customerIds();
    }

    @Override
    public Stream<CustomerHistory> histories() {
        return inner.histories();
    }

    @Override
    public long eventCount() {
        return inner.eventCount();
    }

    @Override
    public long customerCount() {
        return inner.customerCount();
    }

    @Override
    public long erase(CustomerId customerId) {
        return inner.erase(customerId);
    }
}
