package dev.retention.rules.customer;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.internal.Dictionary;
import dev.retention.core.internal.LentLogs;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.ProfileStore;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.loyalty.LedgerSnapshot;
import dev.retention.rules.loyalty.LedgerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@link CustomerStateStore#inMemory()}: the seam implemented natively. One map from the
 * customer's id to one {@link CustomerRecord} that holds the customer's events (columnar), profile,
 * fire-log entries and ledger; the record's monitor is the customer's lock. The four views are
 * windows on the same records, so the engine, the ledger and bulk evaluation reach a customer with
 * one map lookup, and none at all while an {@link #update} of that customer runs on the calling
 * thread: the views find the held record through {@link #held}.
 *
 * <p>What is not per customer: the event and customer counters, and the fire log's index by key
 * and its queue of open entries, which {@link FireLog#find} and {@link FireLog#due} answer for all
 * customers; those sit behind one lock ({@link #fire}), always taken after a record's, never
 * before.
 *
 * <p>Bulk reads over every customer ({@code customerIds}, {@code histories}, {@code readHistories},
 * the ledger's {@code customers}) take each record's lock in turn, as {@code InMemoryEventStore} takes each log's:
 * call them outside an {@code update}, or two threads each holding a customer the other's bulk
 * read reaches would wait for each other.
 *
 * <p>A record leaves the map when it holds nothing (erased) and no update holds it; a thread that
 * waited for its lock then finds it {@linkplain CustomerRecord#erased erased} and looks again, so
 * a later event of the same id starts a new customer.
 */
final class InMemoryCustomerStateStore implements CustomerStateStore {
    private static final Comparator<FireEntry> BY_DUE =
            Comparator.comparing(FireEntry::dueAt).thenComparing(FireEntry::key);

    // keyed by the id's string: a CustomerId object per customer would cost 16 bytes for nothing
    private final ConcurrentHashMap<String, CustomerRecord> records = new ConcurrentHashMap<>();
    private final Dictionary<ProductId> products = new Dictionary<>();
    private final LongAdder eventCount = new LongAdder();
    private final LongAdder customersWithEvents = new LongAdder();
    private final LongAdder profileCount = new LongAdder();
    /**
     * The record the last {@link #update} on some thread holds. Written and read without
     * synchronisation: a thread uses it only if the record's {@link CustomerRecord#owner} is itself,
     * which only that thread can have written, so a stale or foreign value just means a map lookup.
     */
    private CustomerRecord hint;

    /** Guards {@link #byKey} and {@link #open}; taken after a record's monitor, never before. */
    private final Object fire = new Object();
    private final Map<String, FireEntry> byKey = new LinkedHashMap<>();
    private final TreeSet<FireEntry> open = new TreeSet<>(BY_DUE);

    private final EventStore events = new Events();
    private final ProfileStore profiles = new Profiles();
    private final FireLog fireLog = new Decisions();
    private final LedgerStore ledger = new Ledgers();

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

    // ---- finding a customer's record ----

    /** The record an update on this thread holds for the customer, or null. */
    private CustomerRecord held(String customer) {
        CustomerRecord h = hint;
        return h != null && h.owner == Thread.currentThread() && !h.erased && h.isCustomer(customer) ? h : null;
    }

    /** The customer's record if there is one; read it under its lock and check {@link CustomerRecord#erased}. */
    private CustomerRecord find(String customer) {
        CustomerRecord h = held(customer);
        return h != null ? h : records.get(customer);
    }

    /** The customer's record, made if new; lock it and check {@link CustomerRecord#erased} before writing. */
    private CustomerRecord findOrAdd(String customer) {
        CustomerRecord r = find(customer);
        if (r == null) { // get first: computeIfAbsent would allocate its lambda on every call
            r = records.computeIfAbsent(customer, id -> new CustomerRecord(id, products));
        }
        return r;
    }

    /** Something done to a customer's record under its lock. */
    @FunctionalInterface
    private interface RecordAction<T> {
        T apply(CustomerRecord r);
    }

    /**
     * Runs the action on the customer's record, made if new, under its lock; a record erased while
     * this thread waited for its lock is looked up again, so the action never sees one.
     *
     * <p>The writes on the engine's path per event (an event's append, a fire-log record or
     * replace, a ledger append) keep this loop written out: their capturing lambdas were not
     * removed by escape analysis and cost 25 more bytes allocated per event (the benchmark's
     * {@code EngineLayouts}, small shop: 657 to 682 bytes).
     */
    private <T> T withRecord(String customer, RecordAction<T> action) {
        while (true) {
            CustomerRecord r = findOrAdd(customer);
            synchronized (r) {
                if (!r.erased) {
                    return action.apply(r);
                }
            }
        }
    }

    /** As {@link #withRecord}, but for a customer without a record returns {@code absent}'s result and makes none. */
    private <T> T withExistingRecord(String customer, RecordAction<T> action, Supplier<T> absent) {
        while (true) {
            CustomerRecord r = find(customer);
            if (r == null) {
                return absent.get();
            }
            synchronized (r) {
                if (!r.erased) {
                    return action.apply(r);
                }
            }
        }
    }

    /** Under the record's lock: drops it from the map if it holds nothing and no update holds it. */
    private void dropIfEmpty(CustomerRecord r, String customer) {
        if (r.owner == null && !r.erased && r.isEmpty()) {
            r.erased = true;
            records.remove(customer, r);
        }
    }

    // ---- the seam ----

    /** {@inheritDoc} Locks one customer at a time. */
    @Override
    public void trimToSize() {
        for (CustomerRecord r : records.values()) {
            synchronized (r) {
                if (!r.erased) {
                    r.trimToSize();
                }
            }
        }
    }

    /** Bytes held by the customers' event columns (spare capacity included), as {@code InMemoryEventStore.columnBytes}. */
    long columnBytes() {
        long bytes = 0;
        for (CustomerRecord r : records.values()) {
            synchronized (r) {
                bytes += r.footprintBytes();
            }
        }
        return bytes;
    }

    @Override
    public CustomerState read(CustomerId customer) {
        requireNonNull(customer, "customer");
        return withExistingRecord(customer.value(),
                r -> new CustomerState(customer, history(r, customer), Optional.ofNullable(r.profile), r.decisions,
                        ledgerSnapshot(r, customer)),
                () -> new CustomerState(customer, CustomerHistory.empty(customer), Optional.empty(), List.of(),
                        new LedgerSnapshot(customer, 0, List.of())));
    }

    @Override
    public <T> T update(CustomerId customer, Supplier<T> change) {
        requireNonNull(customer, "customer");
        requireNonNull(change, "change");
        String id = customer.value();
        // not withRecord: the hold (owner, hint) must be undone in a finally before dropIfEmpty
        while (true) {
            CustomerRecord r = findOrAdd(id);
            synchronized (r) {
                if (r.erased) {
                    continue;
                }
                Thread before = r.owner;
                CustomerRecord hintBefore = hint;
                r.owner = Thread.currentThread();
                hint = r;
                try {
                    return change.get();
                } finally {
                    if (before == null) {
                        r.endLoan(); // the step ends: a history lent in it answers no more
                    }
                    r.owner = before;
                    hint = hintBefore;
                    dropIfEmpty(r, id);
                }
            }
        }
    }

    @Override
    public Erasure erase(CustomerId customer) {
        requireNonNull(customer, "customer");
        String id = customer.value();
        return withExistingRecord(id, r -> {
            int profile = eraseProfile(r);
            int decisions = eraseDecisions(r);
            int ledgerEntries = eraseLedger(r);
            long erasedEvents = eraseEvents(r);
            dropIfEmpty(r, id);
            return new Erasure(erasedEvents, profile, decisions, ledgerEntries);
        }, () -> new Erasure(0, 0, 0, 0));
    }

    // ---- the parts, each called under the record's lock ----

    private static CustomerHistory history(CustomerRecord r, CustomerId customer) {
        return r.size() == 0 ? CustomerHistory.empty(customer) : CustomerHistory.wrap(r.snapshot(), customer);
    }

    private static LedgerSnapshot ledgerSnapshot(CustomerRecord r, CustomerId customer) {
        return r.ledger == null ? new LedgerSnapshot(customer, 0, List.of())
                : new LedgerSnapshot(customer, r.ledger.version, r.ledger.entries());
    }

    private int eraseProfile(CustomerRecord r) {
        if (r.profile == null) {
            return 0;
        }
        r.profile = null;
        profileCount.decrement();
        return 1;
    }

    private int eraseDecisions(CustomerRecord r) {
        FireEntry[] entries = r.decisions.entries;
        if (entries.length == 0) {
            return 0;
        }
        synchronized (fire) {
            for (FireEntry entry : entries) {
                byKey.remove(entry.key());
                open.remove(entry);
            }
            r.clearDecisions();
        }
        return entries.length;
    }

    private static int eraseLedger(CustomerRecord r) {
        if (r.ledger == null) {
            return 0;
        }
        int n = r.ledger.size();
        r.ledger = null;
        return n;
    }

    private long eraseEvents(CustomerRecord r) {
        int n = r.size();
        if (n > 0) {
            r.clear();
            eventCount.add(-n);
            customersWithEvents.decrement();
        }
        return n;
    }

    // ---- the views ----

    private final class Events implements EventStore {
        @Override
        public boolean append(CustomerEvent event) {
            requireNonNull(event, "event");
            String id = event.customerId().value();
            while (true) {
                CustomerRecord r = findOrAdd(id);
                boolean added;
                boolean first;
                synchronized (r) {
                    if (r.erased) {
                        continue; // erased while we waited: the event belongs to the customer's next record
                    }
                    first = r.size() == 0;
                    try {
                        added = r.append(event);
                    } finally {
                        dropIfEmpty(r, id); // a refused first event leaves no record behind
                    }
                }
                if (added) {
                    eventCount.increment();
                    if (first) {
                        customersWithEvents.increment();
                    }
                }
                return added;
            }
        }

        @Override
        public CustomerHistory history(CustomerId customerId) {
            requireNonNull(customerId, "customerId");
            return withExistingRecord(customerId.value(), r -> InMemoryCustomerStateStore.history(r, customerId),
                    () -> CustomerHistory.empty(customerId));
        }

        /**
         * Inside an {@link #update} of the customer on this thread, the held record's events read in
         * place (lent until the step ends or the events change, see {@link CustomerHistory#lend}):
         * no snapshot per event for the engine. Elsewhere a snapshot, as {@link #history}.
         */
        @Override
        public CustomerHistory historyInStep(CustomerId customerId) {
            CustomerRecord r = held(requireNonNull(customerId, "customerId").value());
            return r != null ? r.lendHistory(customerId) : history(customerId);
        }

        @Override
        public Stream<CustomerId> customerIds() {
            return records.values().stream().filter(Events::hasEvents).map(CustomerRecord::customerId);
        }

        private static boolean hasEvents(CustomerRecord r) {
            synchronized (r) {
                return !r.erased && r.size() > 0;
            }
        }

        @Override
        public Stream<CustomerHistory> histories() {
            return records.values().stream().map(Events::snapshotOrNull).filter(Objects::nonNull);
        }

        private static CustomerHistory snapshotOrNull(CustomerRecord r) {
            synchronized (r) {
                return r.erased || r.size() == 0 ? null : CustomerHistory.wrap(r.snapshot());
            }
        }

        /**
         * {@inheritDoc}
         *
         * <p>Lends the reader each customer's events in place under the record's lock, as
         * {@code InMemoryEventStore} lends its logs: no snapshot per customer. The loan ends when the
         * reader returns, so a reader that keeps the history gets {@link IllegalStateException} from
         * it later rather than a history that changes. The result is handed on after the lock is
         * released, so what the caller does downstream holds no customer.
         */
        @Override
        public <T> Stream<T> readHistories(Function<? super CustomerHistory, ? extends T> reader) {
            requireNonNull(reader, "reader");
            // one history per split lent to one record after another (not the record's own loan,
            // lendHistory: an update on this thread may hold that one); nothing allocated per customer
            return LentLogs.read(records.values().spliterator(), r -> !r.erased && r.size() > 0, reader);
        }

        @Override
        public long eventCount() {
            return eventCount.sum();
        }

        @Override
        public long customerCount() {
            return customersWithEvents.sum();
        }

        @Override
        public long erase(CustomerId customerId) {
            requireNonNull(customerId, "customerId");
            String id = customerId.value();
            return withExistingRecord(id, r -> {
                long n = eraseEvents(r);
                dropIfEmpty(r, id);
                return n;
            }, () -> 0L);
        }
    }

    private final class Profiles implements ProfileStore {
        @Override
        public void put(CustomerProfile profile) {
            requireNonNull(profile, "profile");
            withRecord(profile.customerId().value(), r -> {
                if (r.profile == null) {
                    profileCount.increment();
                }
                r.profile = profile;
                return null;
            });
        }

        @Override
        public Optional<CustomerProfile> find(CustomerId customerId) {
            return Optional.ofNullable(profileOrNull(customerId));
        }

        @Override
        public CustomerProfile profileOrUnknown(CustomerId customerId) {
            CustomerProfile profile = profileOrNull(customerId);
            return profile != null ? profile : CustomerProfile.unknown(customerId);
        }

        private CustomerProfile profileOrNull(CustomerId customerId) {
            CustomerRecord r = InMemoryCustomerStateStore.this.find(requireNonNull(customerId, "customerId").value());
            return r == null ? null : r.profile;
        }

        @Override
        public Stream<CustomerProfile> profiles() {
            return records.values().stream().map(r -> r.profile).filter(Objects::nonNull);
        }

        @Override
        public long size() {
            return profileCount.sum();
        }

        @Override
        public boolean erase(CustomerId customerId) {
            requireNonNull(customerId, "customerId");
            String id = customerId.value();
            return withExistingRecord(id, r -> {
                boolean had = eraseProfile(r) == 1;
                dropIfEmpty(r, id);
                return had;
            }, () -> false);
        }
    }

    private final class Decisions implements FireLog {
        @Override
        public boolean record(FireEntry entry) {
            requireNonNull(entry, "entry");
            String id = entry.customerId().value();
            while (true) {
                CustomerRecord r = findOrAdd(id);
                synchronized (r) {
                    if (r.erased) {
                        continue;
                    }
                    synchronized (fire) {
                        if (byKey.putIfAbsent(entry.key(), entry) != null) {
                            dropIfEmpty(r, id);
                            return false;
                        }
                        FireEntry[] entries = r.decisions.entries;
                        FireEntry[] grown = Arrays.copyOf(entries, entries.length + 1);
                        grown[entries.length] = entry;
                        r.decisions = new CustomerRecord.Decisions(grown);
                        if (entry.isOpen()) {
                            open.add(entry);
                        }
                        return true;
                    }
                }
            }
        }

        @Override
        public boolean replace(FireEntry expected, FireEntry replacement) {
            requireNonNull(expected, "expected");
            requireNonNull(replacement, "replacement");
            checkArgument(expected.key().equals(replacement.key()), "replacement key %s differs from expected key %s",
                    replacement.key(), expected.key());
            String id = expected.customerId().value();
            while (true) {
                CustomerRecord r = InMemoryCustomerStateStore.this.find(id);
                if (r == null) {
                    return false;
                }
                synchronized (r) {
                    if (r.erased) {
                        continue;
                    }
                    synchronized (fire) {
                        FireEntry current = byKey.get(expected.key());
                        if (current == null || current != expected && !current.equals(expected)
                                || !current.customerId().equals(expected.customerId())) {
                            return false;
                        }
                        byKey.put(replacement.key(), replacement);
                        FireEntry[] replaced = r.decisions.entries.clone();
                        for (int i = 0; i < replaced.length; i++) {
                            if (replaced[i] == current) {
                                replaced[i] = replacement;
                                break;
                            }
                        }
                        r.decisions = new CustomerRecord.Decisions(replaced);
                        if (current.isOpen()) {
                            open.remove(current);
                        }
                        if (replacement.isOpen()) {
                            open.add(replacement);
                        }
                        return true;
                    }
                }
            }
        }

        @Override
        public Optional<FireEntry> find(String key) {
            requireNonNull(key, "key");
            synchronized (fire) {
                return Optional.ofNullable(byKey.get(key));
            }
        }

        @Override
        public List<FireEntry> entries(CustomerId customerId) {
            CustomerRecord r = InMemoryCustomerStateStore.this.find(requireNonNull(customerId, "customerId").value());
            if (r == null) {
                return List.of();
            }
            List<FireEntry> entries = r.decisions;
            return entries.isEmpty() ? List.of() : entries;
        }

        @Override
        public List<FireEntry> due(Instant asOf) {
            requireNonNull(asOf, "asOf");
            List<FireEntry> out = new ArrayList<>();
            synchronized (fire) {
                for (FireEntry entry : open) {
                    if (entry.dueAt().isAfter(asOf)) {
                        break;
                    }
                    out.add(entry);
                }
            }
            return out;
        }

        @Override
        public Stream<FireEntry> entries() {
            synchronized (fire) {
                return List.copyOf(byKey.values()).stream();
            }
        }

        @Override
        public int erase(CustomerId customerId) {
            requireNonNull(customerId, "customerId");
            String id = customerId.value();
            return withExistingRecord(id, r -> {
                int n = eraseDecisions(r);
                dropIfEmpty(r, id);
                return n;
            }, () -> 0);
        }
    }

    private final class Ledgers implements LedgerStore {
        @Override
        public boolean append(LedgerEntry entry) {
            requireNonNull(entry, "entry");
            String id = entry.customerId().value();
            while (true) {
                CustomerRecord r = findOrAdd(id);
                synchronized (r) {
                    if (r.erased) {
                        continue;
                    }
                    if (r.ledger == null) {
                        r.ledger = new CustomerRecord.Ledger();
                    }
                    return r.ledger.add(entry);
                }
            }
        }

        @Override
        public boolean appendIfVersion(CustomerId customerId, long expectedVersion, List<LedgerEntry> entries) {
            requireNonNull(customerId, "customerId");
            for (LedgerEntry entry : requireNonNull(entries, "entries")) {
                checkArgument(entry.customerId().equals(customerId), "entry %s belongs to %s, not to %s",
                        entry.key(), entry.customerId(), customerId);
            }
            String id = customerId.value();
            while (true) {
                CustomerRecord r = findOrAdd(id);
                synchronized (r) {
                    if (r.erased) {
                        continue;
                    }
                    long version = r.ledger == null ? 0 : r.ledger.version;
                    if (version != expectedVersion) {
                        dropIfEmpty(r, id);
                        return false;
                    }
                    if (!entries.isEmpty() && r.ledger == null) {
                        r.ledger = new CustomerRecord.Ledger();
                    }
                    for (LedgerEntry entry : entries) {
                        r.ledger.add(entry);
                    }
                    dropIfEmpty(r, id);
                    return true;
                }
            }
        }

        @Override
        public LedgerSnapshot snapshot(CustomerId customerId) {
            requireNonNull(customerId, "customerId");
            return withExistingRecord(customerId.value(), r -> ledgerSnapshot(r, customerId),
                    () -> new LedgerSnapshot(customerId, 0, List.of()));
        }

        @Override
        public Set<CustomerId> customers() {
            Set<CustomerId> out = new HashSet<>();
            for (CustomerRecord r : records.values()) {
                synchronized (r) {
                    if (!r.erased && r.ledger != null && r.ledger.version > 0) {
                        out.add(r.customerId());
                    }
                }
            }
            return Set.copyOf(out);
        }

        @Override
        public int erase(CustomerId customerId) {
            requireNonNull(customerId, "customerId");
            String id = customerId.value();
            return withExistingRecord(id, r -> {
                int n = eraseLedger(r);
                dropIfEmpty(r, id);
                return n;
            }, () -> 0);
        }
    }
}
