package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A {@link FireLog} in memory, for tests, demos and single-process shops that accept losing the
 * log on exit. Thread-safe: every change holds the log's lock, so operations are atomic, and a
 * customer's {@link #entries(CustomerId) entries} are read without it; what reads return is
 * unmodifiable and unaffected by later changes.
 */
public final class InMemoryFireLog implements FireLog {
    private static final Comparator<FireEntry> BY_DUE =
            Comparator.comparing(FireEntry::dueAt).thenComparing(FireEntry::key);

    private final Map<String, FireEntry> byKey = new LinkedHashMap<>();
    // The entries themselves, not their keys, in an array replaced on every change: reading a customer's
    // log is the engine's most frequent call (once per event, from every engine thread), so it takes no
    // lock and copies nothing.
    private final Map<String, FireEntry[]> byCustomer = new ConcurrentHashMap<>();
    // pending and in-flight entries by due time, which for an in-flight one is the end of its lease
    private final TreeSet<FireEntry> open = new TreeSet<>(BY_DUE);

    @Override
    public synchronized boolean record(FireEntry entry) {
        requireNonNull(entry, "entry");
        if (byKey.putIfAbsent(entry.key(), entry) != null) {
            return false;
        }
        String customer = entry.customerId().value();
        FireEntry[] entries = byCustomer.get(customer);
        FireEntry[] grown = entries == null ? new FireEntry[1] : Arrays.copyOf(entries, entries.length + 1);
        grown[grown.length - 1] = entry;
        byCustomer.put(customer, grown);
        if (entry.isOpen()) {
            open.add(entry);
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
        String customer = current.customerId().value();
        FireEntry[] replaced = byCustomer.get(customer).clone();
        for (int i = 0; i < replaced.length; i++) {
            if (replaced[i] == current) {
                replaced[i] = replacement;
                break;
            }
        }
        byCustomer.put(customer, replaced);
        if (current.isOpen()) {
            open.remove(current);
        }
        if (replacement.isOpen()) {
            open.add(replacement);
        }
        return true;
    }

    @Override
    public synchronized int erase(CustomerId customerId) {
        FireEntry[] entries = byCustomer.remove(requireNonNull(customerId, "customerId").value());
        if (entries == null) {
            return 0;
        }
        for (FireEntry entry : entries) {
            byKey.remove(entry.key());
            open.remove(entry);
        }
        return entries.length;
    }

    @Override
    public synchronized Optional<FireEntry> find(String key) {
        return Optional.ofNullable(byKey.get(requireNonNull(key, "key")));
    }

    @Override
    public List<FireEntry> entries(CustomerId customerId) {
        FireEntry[] entries = byCustomer.get(requireNonNull(customerId, "customerId").value());
        return entries == null ? List.of() : new EntryList(entries);
    }

    @Override
    public synchronized List<FireEntry> due(Instant asOf) {
        requireNonNull(asOf, "asOf");
        List<FireEntry> out = new ArrayList<>();
        for (FireEntry entry : open) {
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

    /**
     * An unmodifiable view of an array that is never written once published: one small object per
     * read, where {@code List.of} would copy, and no list objects kept per customer.
     */
    private static final class EntryList extends AbstractList<FireEntry> implements RandomAccess {
        private final FireEntry[] entries;

        EntryList(FireEntry[] entries) {
            this.entries = entries;
        }

        @Override
        public FireEntry get(int index) {
            return entries[index];
        }

        @Override
        public int size() {
            return entries.length;
        }
    }

    /**
     * The number of entries.
     *
     * @return how many entries the log holds
     */
    public synchronized int size() {
        return byKey.size();
    }
}
