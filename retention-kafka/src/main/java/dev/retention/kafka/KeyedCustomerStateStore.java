package dev.retention.kafka;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.core.store.ProfileStore;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.campaign.InMemoryFireLog;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Erasure;
import dev.retention.rules.loyalty.InMemoryLedgerStore;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.loyalty.LedgerSnapshot;
import dev.retention.rules.loyalty.LedgerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The per-customer seam over a Kafka Streams task's key-value store: one key per customer, its
 * value the customer's whole {@link CustomerState}. The library's facade and campaign engine run
 * unchanged over it.
 *
 * <p>A step ({@link #update}) loads the customer's value into a working set of the in-memory
 * stores, runs the change through the views, and writes the value back if it changed (or deletes
 * the key if nothing is left); a change that throws writes nothing, so the step is discarded as a
 * transaction's would be. The working sets of the customers changed last are kept (a small LRU),
 * so that a customer's next step need not read and load the value again; the seam is the store's
 * only writer, so they stay what the store holds. There is no lock: the task thread owns the key (Kafka Streams gives each
 * partition one thread), so {@code update} only runs the change. A call to a view that changes a
 * customer outside a step is a step of its own. Reads of a customer outside the step read the
 * stored value; the views' calls over every customer ({@code customerIds}, {@code due},
 * {@code entries()}, ...) scan the task's store, that is, the partition's own customers.
 *
 * <p>Not thread-safe: the task's thread only, like the store under it. A step may change only its
 * own customer ({@link IllegalStateException} otherwise).
 */
final class KeyedCustomerStateStore implements CustomerStateStore {
    private final KeyValueStore<String, CustomerState> store;
    private final EventView events = new EventView();
    private final ProfileView profiles = new ProfileView();
    private final FireLogView fireLog = new FireLogView();
    private final LedgerView ledger = new LedgerView();
    /**
     * The working sets of recently changed customers, as stored: a session's views, cart and order
     * come close together, so most steps skip reading, parsing and loading the value again.
     */
    private final Map<String, Working> recent;
    /** The customer of the running step, or null between steps. */
    private Working current;

    /**
     * @param store the task's store; only this seam writes to it
     * @param cachedCustomers how many customers' working sets to keep between steps (0: none)
     */
    KeyedCustomerStateStore(KeyValueStore<String, CustomerState> store, int cachedCustomers) {
        this.store = requireNonNull(store, "store");
        checkArgument(cachedCustomers >= 0, "cachedCustomers must not be negative, got %s", cachedCustomers);
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Working> eldest) {
                return size() > cachedCustomers;
            }
        };
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public ProfileStore profiles() {
        return profiles;
    }

    @Override
    public FireLog fireLog() {
        return fireLog;
    }

    @Override
    public LedgerStore ledger() {
        return ledger;
    }

    @Override
    public CustomerState read(CustomerId customer) {
        requireNonNull(customer, "customer");
        if (current != null && current.customer.equals(customer)) {
            return current.state();
        }
        return stored(customer);
    }

    @Override
    public <T> T update(CustomerId customer, Supplier<T> change) {
        requireNonNull(customer, "customer");
        requireNonNull(change, "change");
        if (current != null) {
            if (!current.customer.equals(customer)) {
                throw new IllegalStateException("a step of customer " + current.customer
                        + " may change no other customer, but changed " + customer);
            }
            return change.get(); // re-entrant
        }
        String key = customer.value();
        Working working = recent.remove(key);
        current = working != null ? working : new Working(stored(customer));
        boolean done = false;
        try {
            T result = change.get();
            CustomerState before = current.saved;
            CustomerState after = current.state();
            if (after.isEmpty()) {
                if (!before.isEmpty()) {
                    store.delete(key);
                }
            } else {
                if (changed(before, after)) {
                    store.put(key, after);
                }
                current.saved = after;
                recent.put(key, current);
            }
            done = true;
            return result;
        } finally {
            // a change that threw may have left the working set half changed: it is dropped, and
            // the next step of the customer reads the stored value again
            current = null;
            if (!done) {
                recent.remove(key);
            }
        }
    }

    @Override
    public Erasure erase(CustomerId customer) {
        return update(customer, () -> current.erase());
    }

    /** The customer's stored value, or an empty state; never the working set. */
    CustomerState stored(CustomerId customer) {
        Working cached = recent.get(customer.value());
        if (cached != null) {
            return cached.saved;
        }
        CustomerState state = store.get(customer.value());
        return state != null ? state : empty(customer);
    }

    static CustomerState empty(CustomerId customer) {
        return new CustomerState(customer, CustomerHistory.empty(customer), Optional.empty(), List.of(),
                new LedgerSnapshot(customer, 0, List.of()));
    }

    /** Every customer of the task's store, with the running step's customer as it is in the step. */
    private List<CustomerState> all() {
        List<CustomerState> out = new ArrayList<>();
        boolean sawCurrent = false;
        try (KeyValueIterator<String, CustomerState> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, CustomerState> kv = it.next();
                if (current != null && current.customer.value().equals(kv.key)) {
                    out.add(current.state());
                    sawCurrent = true;
                } else {
                    out.add(kv.value);
                }
            }
        }
        if (current != null && !sawCurrent) {
            out.add(current.state());
        }
        out.removeIf(CustomerState::isEmpty);
        return out;
    }

    private static boolean changed(CustomerState before, CustomerState after) {
        return before.history().eventCount() != after.history().eventCount()
                || !before.profile().equals(after.profile())
                || !before.decisions().equals(after.decisions())
                || before.ledger().version() != after.ledger().version();
    }

    private <T> T step(CustomerId customer, Supplier<T> change) {
        return update(customer, change);
    }

    private Working working(CustomerId customer) {
        return current != null && current.customer.equals(customer) ? current : null;
    }

    /** One customer loaded into the in-memory stores for the length of a step. */
    private static final class Working {
        final CustomerId customer;
        final InMemoryEventStore events = new InMemoryEventStore();
        final InMemoryProfileStore profiles = new InMemoryProfileStore();
        final InMemoryFireLog fireLog = new InMemoryFireLog();
        final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        /** The customer's state as the store holds it. */
        CustomerState saved;

        Working(CustomerState state) {
            this.customer = state.customerId();
            this.saved = state;
            events.appendAll(state.history().events());
            state.profile().ifPresent(profiles::put);
            state.decisions().forEach(fireLog::record);
            state.ledger().entries().forEach(ledger::append);
        }

        CustomerState state() {
            return new CustomerState(customer, events.history(customer), profiles.find(customer),
                    fireLog.entries(customer), ledger.snapshot(customer));
        }

        Erasure erase() {
            int profile = profiles.erase(customer) ? 1 : 0;
            int decisions = fireLog.erase(customer);
            int entries = ledger.erase(customer);
            long erasedEvents = events.erase(customer);
            return new Erasure(erasedEvents, profile, decisions, entries);
        }
    }

    private final class EventView implements EventStore {
        @Override
        public boolean append(CustomerEvent event) {
            requireNonNull(event, "event");
            return step(event.customerId(), () -> current.events.append(event));
        }

        @Override
        public CustomerHistory history(CustomerId customerId) {
            Working w = working(requireNonNull(customerId, "customerId"));
            return w != null ? w.events.history(customerId) : stored(customerId).history();
        }

        @Override
        public Stream<CustomerId> customerIds() {
            return all().stream().filter(s -> !s.history().isEmpty()).map(CustomerState::customerId);
        }

        @Override
        public Stream<CustomerHistory> histories() {
            return all().stream().map(CustomerState::history).filter(h -> !h.isEmpty());
        }

        @Override
        public long eventCount() {
            return all().stream().mapToLong(s -> s.history().eventCount()).sum();
        }

        @Override
        public long customerCount() {
            return customerIds().count();
        }

        @Override
        public long erase(CustomerId customerId) {
            return step(requireNonNull(customerId, "customerId"), () -> current.events.erase(customerId));
        }
    }

    private final class ProfileView implements ProfileStore {
        @Override
        public void put(CustomerProfile profile) {
            requireNonNull(profile, "profile");
            step(profile.customerId(), () -> {
                current.profiles.put(profile);
                return null;
            });
        }

        @Override
        public Optional<CustomerProfile> find(CustomerId customerId) {
            Working w = working(requireNonNull(customerId, "customerId"));
            return w != null ? w.profiles.find(customerId) : stored(customerId).profile();
        }

        @Override
        public Stream<CustomerProfile> profiles() {
            return all().stream().flatMap(s -> s.profile().stream());
        }

        @Override
        public long size() {
            return profiles().count();
        }

        @Override
        public boolean erase(CustomerId customerId) {
            return step(requireNonNull(customerId, "customerId"), () -> current.profiles.erase(customerId));
        }
    }

    private final class FireLogView implements FireLog {
        @Override
        public boolean record(FireEntry entry) {
            requireNonNull(entry, "entry");
            return step(entry.customerId(), () -> current.fireLog.record(entry));
        }

        @Override
        public boolean replace(FireEntry expected, FireEntry replacement) {
            requireNonNull(expected, "expected");
            requireNonNull(replacement, "replacement");
            checkArgument(expected.key().equals(replacement.key()), "keys differ: %s and %s", expected.key(),
                    replacement.key());
            return step(expected.customerId(), () -> current.fireLog.replace(expected, replacement));
        }

        /** The running step's customer first (the engine's case); otherwise a scan of the task's store. */
        @Override
        public Optional<FireEntry> find(String key) {
            requireNonNull(key, "key");
            if (current != null) {
                Optional<FireEntry> found = current.fireLog.find(key);
                if (found.isPresent()) {
                    return found;
                }
            }
            return all().stream().flatMap(s -> s.decisions().stream()).filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public List<FireEntry> entries(CustomerId customerId) {
            Working w = working(requireNonNull(customerId, "customerId"));
            return w != null ? w.fireLog.entries(customerId) : stored(customerId).decisions();
        }

        @Override
        public List<FireEntry> due(Instant asOf) {
            requireNonNull(asOf, "asOf");
            return all().stream().flatMap(s -> s.decisions().stream()).filter(e -> e.isClaimable(asOf))
                    .sorted(Comparator.comparing(FireEntry::dueAt).thenComparing(FireEntry::key)).toList();
        }

        @Override
        public Stream<FireEntry> entries() {
            return all().stream().flatMap(s -> s.decisions().stream());
        }

        @Override
        public int erase(CustomerId customerId) {
            return step(requireNonNull(customerId, "customerId"), () -> current.fireLog.erase(customerId));
        }
    }

    private final class LedgerView implements LedgerStore {
        @Override
        public boolean append(LedgerEntry entry) {
            requireNonNull(entry, "entry");
            return step(entry.customerId(), () -> current.ledger.append(entry));
        }

        @Override
        public boolean appendIfVersion(CustomerId customerId, long expectedVersion, List<LedgerEntry> entries) {
            requireNonNull(customerId, "customerId");
            return step(customerId, () -> current.ledger.appendIfVersion(customerId, expectedVersion, entries));
        }

        @Override
        public LedgerSnapshot snapshot(CustomerId customerId) {
            Working w = working(requireNonNull(customerId, "customerId"));
            return w != null ? w.ledger.snapshot(customerId) : stored(customerId).ledger();
        }

        @Override
        public Set<CustomerId> customers() {
            Set<CustomerId> out = new HashSet<>();
            all().forEach(s -> {
                if (s.ledger().version() > 0) {
                    out.add(s.customerId());
                }
            });
            return Set.copyOf(out);
        }

        @Override
        public int erase(CustomerId customerId) {
            return step(requireNonNull(customerId, "customerId"), () -> current.ledger.erase(customerId));
        }
    }
}
