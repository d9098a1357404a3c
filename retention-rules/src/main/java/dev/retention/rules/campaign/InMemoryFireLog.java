package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A {@link FireLog} in memory, for tests, demos and single-process shops that accept losing the
 * log on exit. Thread-safe: every method holds the log's lock, so operations are atomic; what
 * reads return is unmodifiable and unaffected by later changes.
 */
public final class InMemoryFireLog implements FireLog {
    private static final Comparator<FireEntry> BY_DUE =
            Comparator.comparing(FireEntry::dueAt).thenComparing(FireEntry::key);

    private final Map<String, FireEntry> byKey = new LinkedHashMap<>();
    // the entries themselves, not their keys, as an unmodifiable list replaced on every change: reading a
    // customer's log is the engine's most frequent call (once per event), so it returns the list without a copy
    private final Map<CustomerId, List<FireEntry>> byCustomer = new HashMap<>();
    private final TreeSet<FireEntry> pending = new TreeSet<>(BY_DUE);

    @Override
    public synchronized boolean record(FireEntry entry) {
        requireNonNull(entry, "entry");
        if (byKey.putIfAbsent(entry.key(), entry) != null) {
            return false;
        }
        List<FireEntry> entries = byCustomer.getOrDefault(entry.customerId(), List.of());
        List<FireEntry> grown = new ArrayList<>(entries.size() + 1);
        grown.addAll(entries);
        grown.add(entry);
        byCustomer.put(entry.customerId(), Collections.unmodifiableList(grown));
        if (entry.isPending()) {
            pending.add(entry);
        }
        return true;
    }

    @Override
    public synchronized boolean replace(FireEntry expected, FireEntry replacement) {
        requireNonNull(expected, "expected");
        requireNonNull(replacement, "replacement");
        checkArgument(expected.key().equals(replacement.key()), "replacement key %s differs from expected key %s",
                replacement.key(), expected.key());
        FireEntry current = byKey.get(expected.key());
        if (current == null || current != expected && !current.equals(expected)) {
            return false;
        }
        byKey.put(replacement.key(), replacement);
        List<FireEntry> replaced = new ArrayList<>(byCustomer.get(current.customerId()));
        for (int i = 0; i < replaced.size(); i++) {
            if (replaced.get(i) == current) {
                replaced.set(i, replacement);
                break;
            }
        }
        byCustomer.put(current.customerId(), Collections.unmodifiableList(replaced));
        if (current.isPending()) {
            pending.remove(current);
        }
        if (replacement.isPending()) {
            pending.add(replacement);
        }
        return true;
    }

    @Override
    public synchronized Optional<FireEntry> find(String key) {
        return Optional.ofNullable(byKey.get(requireNonNull(key, "key")));
    }

    @Override
    public synchronized List<FireEntry> entries(CustomerId customerId) {
        List<FireEntry> entries = byCustomer.get(requireNonNull(customerId, "customerId"));
        return entries == null ? List.of() : entries;
    }

    @Override
    public synchronized List<FireEntry> due(Instant asOf) {
        requireNonNull(asOf, "asOf");
        List<FireEntry> out = new ArrayList<>();
        for (FireEntry entry : pending) {
            if (entry.dueAt().isAfter(asOf)) {
                break;
            }
            out.add(entry);
        }
        return out;
    }

    @Override
    public synchronized Stream<FireEntry> entries() {
        return List.copyOf(byKey.values()).stream();
    }

    /** The number of entries. */
    public synchronized int size() {
        return byKey.size();
    }
}
