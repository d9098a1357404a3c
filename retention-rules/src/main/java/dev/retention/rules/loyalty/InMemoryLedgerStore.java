package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link LedgerStore} in memory, for tests, demos and shops that rebuild their ledgers from
 * their order log at start-up.
 *
 * <p>Thread-safe: appends and reads of one customer are serialised on that customer's ledger, so
 * concurrent appends of the same key store exactly one entry and a compare-and-append sees no
 * other append between its comparison and its appends; different customers do not block each
 * other. The entries are kept in time order as they arrive, and a read hands out one immutable
 * copy that later reads share until the next append.
 */
public final class InMemoryLedgerStore implements LedgerStore {
    private final Map<CustomerId, Ledger> ledgers = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryLedgerStore() {}

    @Override
    public boolean append(LedgerEntry entry) {
        requireNonNull(entry, "entry");
        while (true) {
            Ledger ledger = ledgers.computeIfAbsent(entry.customerId(), id -> new Ledger());
            synchronized (ledger) {
                if (!ledger.erased) {
                    return ledger.add(entry);
                }
            } // erased while we waited: the entry belongs to the customer's next ledger
        }
    }

    @Override
    public boolean appendIfVersion(CustomerId customerId, long expectedVersion, List<LedgerEntry> entries) {
        requireNonNull(customerId, "customerId");
        for (LedgerEntry entry : requireNonNull(entries, "entries")) {
            checkArgument(entry.customerId().equals(customerId), "entry %s belongs to %s, not to %s",
                    entry.key(), entry.customerId(), customerId);
        }
        while (true) {
            Ledger ledger = ledgers.computeIfAbsent(customerId, id -> new Ledger());
            synchronized (ledger) {
                if (ledger.erased) {
                    continue;
                }
                if (ledger.version != expectedVersion) {
                    return false;
                }
                entries.forEach(ledger::add);
                return true;
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Marks the customer's ledger erased under its lock and removes it, so an append racing
     * with the erasure lands either before it (and is erased) or in the customer's next ledger.
     */
    @Override
    public int erase(CustomerId customerId) {
        Ledger ledger = ledgers.get(requireNonNull(customerId, "customerId"));
        if (ledger == null) {
            return 0;
        }
        synchronized (ledger) {
            if (ledger.erased) {
                return 0;
            }
            ledger.erased = true;
            ledgers.remove(customerId, ledger);
            return ledger.sorted.size();
        }
    }

    @Override
    public LedgerSnapshot snapshot(CustomerId customerId) {
        Ledger ledger = ledgers.get(requireNonNull(customerId, "customerId"));
        if (ledger == null) {
            return new LedgerSnapshot(customerId, 0, List.of());
        }
        synchronized (ledger) {
            if (ledger.erased) {
                return new LedgerSnapshot(customerId, 0, List.of());
            }
            if (ledger.view == null) {
                ledger.view = List.copyOf(ledger.sorted);
            }
            return new LedgerSnapshot(customerId, ledger.version, ledger.view);
        }
    }

    @Override
    public Set<CustomerId> customers() {
        Set<CustomerId> out = new HashSet<>();
        ledgers.forEach((id, ledger) -> {
            synchronized (ledger) {
                if (ledger.version > 0) {
                    out.add(id);
                }
            }
        });
        return Set.copyOf(out);
    }

    /** One customer's entries; guarded by its own monitor. */
    private static final class Ledger {
        final Map<String, LedgerEntry> byKey = new HashMap<>();
        final List<LedgerEntry> sorted = new ArrayList<>();
        long version;
        /** Set once by {@link #erase}; an erased ledger takes no more entries. */
        boolean erased;
        /** The immutable copy handed out, or null after an append. */
        List<LedgerEntry> view = List.of();

        boolean add(LedgerEntry entry) {
            if (byKey.putIfAbsent(entry.key(), entry) != null) {
                return false;
            }
            int at = Collections.binarySearch(sorted, entry, LedgerEntry.TIME_ORDER);
            // keys are unique, so the entry is never found: insert where it belongs (mostly at the end)
            sorted.add(-at - 1, entry);
            version++;
            view = null;
            return true;
        }
    }
}
