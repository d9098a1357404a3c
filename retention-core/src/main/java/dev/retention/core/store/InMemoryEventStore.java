package dev.retention.core.store;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.internal.CustomerLog;
import dev.retention.core.internal.Dictionary;
import dev.retention.core.internal.LentLogs;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The default {@link EventStore}: every event in memory, in compact columnar form.
 *
 * <p>Each customer's events are kept as primitive columns, a region per event kind in one
 * {@code long[]} and one {@code int[]} per customer (times as nanosecond longs, products as
 * interned ints, ids as UTF-8 bytes), rather than as event objects, so a stored product view costs
 * a few dozen bytes and a history query scans arrays. Events are decoded into
 * records only when asked for ({@link CustomerHistory#events()}).
 *
 * <p>Thread-safe: appends to different customers run in parallel, appends to one customer are
 * serialised by a lock of that customer, and {@link #history} returns an immutable snapshot
 * without copying the events. Checking an event id scans a 7-bit fingerprint per event of that
 * customer (bytes are compared for one event in 128), which is cheap for the tens of events most
 * customers have; from 256 events on, a customer's ids also get a hash index (5 to 16 bytes per
 * event of such customers, as the index fills between a quarter and three quarters), so that an
 * append costs the same for a customer with a million events as for one with a hundred (while the
 * customer's ids take less than 16 MB; past that the scan takes over again).
 */
public final class InMemoryEventStore implements EventStore {
    /** An empty store. */
    public InMemoryEventStore() {
    }

    // keyed by the id's string: a CustomerId object per customer would cost 16 bytes for nothing
    private final ConcurrentHashMap<String, CustomerLog> logs = new ConcurrentHashMap<>();
    private final Dictionary<ProductId> products = new Dictionary<>();
    private final LongAdder events = new LongAdder();

    @Override
    public boolean append(CustomerEvent event) {
        requireNonNull(event, "event");
        String customer = event.customerId().value();
        while (true) {
            CustomerLog log = logs.get(customer);
            if (log == null) { // get first: computeIfAbsent would allocate its lambda on every append
                log = logs.computeIfAbsent(customer, id -> new CustomerLog(id, products));
            }
            boolean added;
            synchronized (log) {
                if (logs.get(customer) != log) {
                    continue; // erased while we waited: the event belongs to the customer's next log
                }
                added = log.append(event);
            }
            if (added) {
                events.increment();
            }
            return added;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Removes the customer's log under its lock, so an append racing with the erasure lands
     * either before it (and is erased) or in the customer's next log. Product ids stay in the
     * store's dictionary: they name products, not the customer.
     */
    @Override
    public long erase(CustomerId customerId) {
        requireNonNull(customerId, "customerId");
        CustomerLog log = logs.get(customerId.value());
        if (log == null) {
            return 0;
        }
        synchronized (log) {
            if (!logs.remove(customerId.value(), log)) {
                return 0; // erased by a racing call
            }
            events.add(-log.size());
            return log.size();
        }
    }

    @Override
    public CustomerHistory history(CustomerId customerId) {
        requireNonNull(customerId, "customerId");
        CustomerLog log = logs.get(customerId.value());
        return log == null ? CustomerHistory.empty(customerId) : snapshot(log, customerId);
    }

    @Override
    public Stream<CustomerId> customerIds() {
        return logs.keySet().stream().map(CustomerId::of);
    }

    @Override
    public Stream<CustomerHistory> histories() {
        return logs.values().stream().map(InMemoryEventStore::snapshot);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Lends the reader each customer's live log under that customer's lock: no snapshot, so a
     * bulk read neither allocates one per customer nor freezes the log's tables (after a snapshot
     * the next append to each table copies the table object). One history per split of the stream
     * is lent to one customer after another, so the read allocates nothing per customer (not even
     * a {@link CustomerId}, unless the reader asks the history for it); customers come in the map's
     * order, the order their logs lie in its table.
     */
    @Override
    public <T> Stream<T> readHistories(Function<? super CustomerHistory, ? extends T> reader) {
        requireNonNull(reader, "reader");
        return LentLogs.read(logs.values().spliterator(), log -> true, reader);
    }

    @Override
    public long eventCount() {
        return events.sum();
    }

    @Override
    public long customerCount() {
        return logs.size();
    }

    /**
     * Releases the spare capacity that growing arrays keep (up to a third), e.g. after a bulk
     * import. Appending afterwards works as before; it just grows the arrays again. Safe to call
     * while other threads append: it locks one customer at a time.
     */
    public void trimToSize() {
        for (CustomerLog log : logs.values()) {
            synchronized (log) {
                log.trimToSize();
            }
        }
    }

    /**
     * Bytes held by the stored events' columns (spare array capacity included, the map of
     * customers and the product dictionary not). For capacity planning; the benchmark measures the
     * retained heap instead.
     *
     * @return the bytes, an estimate of the arrays' sizes; locks one customer at a time
     */
    public long columnBytes() {
        long bytes = 0;
        for (CustomerLog log : logs.values()) {
            synchronized (log) {
                bytes += log.footprintBytes();
            }
        }
        return bytes;
    }

    private static CustomerHistory snapshot(CustomerLog log) {
        return CustomerHistory.wrap(frozen(log));
    }

    private static CustomerHistory snapshot(CustomerLog log, CustomerId customerId) {
        return CustomerHistory.wrap(frozen(log), customerId);
    }

    private static CustomerLog frozen(CustomerLog log) {
        synchronized (log) {
            return log.snapshot();
        }
    }
}
