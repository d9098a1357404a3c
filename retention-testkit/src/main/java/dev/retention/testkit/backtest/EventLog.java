package dev.retention.testkit.backtest;

import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** The historical events a backtest or diff reads: a fixed list, or a store read when asked. */
@FunctionalInterface
interface EventLog {

    Stream<CustomerEvent> events();

    static EventLog of(Collection<? extends CustomerEvent> events) {
        List<CustomerEvent> copy = List.copyOf(requireNonNull(events, "events"));
        return copy::stream;
    }

    static EventLog of(EventStore store) {
        requireNonNull(store, "events");
        return () -> store.histories().flatMap(h -> h.events().stream());
    }

    /** A new in-memory store of the events at or before {@code at}. */
    default InMemoryEventStore storeAsOf(Instant at) {
        InMemoryEventStore store = new InMemoryEventStore();
        try (Stream<CustomerEvent> all = events()) {
            all.filter(e -> !e.occurredAt().isAfter(at)).forEach(store::append);
        }
        return store;
    }
}
