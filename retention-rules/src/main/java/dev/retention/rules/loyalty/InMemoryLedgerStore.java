package dev.retention.rules.loyalty;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link LedgerStore} in memory, for tests, demos and shops that rebuild their ledgers from
 * their order log at start-up.
 *
 * <p>Thread-safe: appends and reads of one customer are serialised on that customer's ledger, so
 * concurrent appends of the same key store exactly one entry; different customers do not block
 * each other. Reads return immutable copies.
 */
public final class InMemoryLedgerStore implements LedgerStore {
    private final Map<CustomerId, Map<String, LedgerEntry>> ledgers = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryLedgerStore() {}

    @Override
    public boolean append(LedgerEntry entry) {
        requireNonNull(entry, "entry");
        Map<String, LedgerEntry> ledger = ledgers.computeIfAbsent(entry.customerId(), id -> new LinkedHashMap<>());
        synchronized (ledger) {
            return ledger.putIfAbsent(entry.key(), entry) == null;
        }
    }

    @Override
    public List<LedgerEntry> entries(CustomerId customerId) {
        Map<String, LedgerEntry> ledger = ledgers.get(requireNonNull(customerId, "customerId"));
        if (ledger == null) {
            return List.of();
        }
        List<LedgerEntry> out;
        synchronized (ledger) {
            out = new ArrayList<>(ledger.values());
        }
        out.sort(LedgerEntry.TIME_ORDER);
        return List.copyOf(out);
    }

    @Override
    public Set<CustomerId> customers() {
        return Set.copyOf(ledgers.keySet());
    }
}
