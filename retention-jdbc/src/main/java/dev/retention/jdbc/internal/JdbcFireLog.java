package dev.retention.jdbc.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.retention.core.CustomerId;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The fire log over JDBC: one row per entry, the whole entry as JSON beside its key, customer,
 * status and due time. A record is an insert that does nothing on a taken key; a replace holds the
 * entry's customer, compares the stored entry with the expected one and writes the replacement in
 * the same transaction, so of two engines claiming one entry exactly one wins. A claim's lease is
 * its due time, kept in its columns, so {@link #due} leaves a leased entry out until it ends.
 *
 * <p>Thread-safe.
 */
public final class JdbcFireLog implements FireLog {
    private static final Comparator<FireEntry> DUE_ORDER =
            Comparator.comparing(FireEntry::dueAt).thenComparing(FireEntry::key);

    private final Database db;
    private final String log;
    // rows are re-read far more often than written (due lists, a customer's entries on every event):
    // an entry decoded once is served again for the same key and body text (entries are immutable)
    private final Cache<String, FireEntry> decoded = CacheBuilder.newBuilder().maximumSize(10_000).build();

    /**
     * The fire-log view of a store.
     *
     * @param db the store's transactions
     */
    public JdbcFireLog(Database db) {
        this.db = requireNonNull(db, "db");
        this.log = db.table("fire_log");
    }

    @Override
    public boolean record(FireEntry entry) {
        requireNonNull(entry, "entry");
        checkStorable(entry);
        String body = Codec.fireEntry(entry);
        return db.write("fire-log entry " + entry.key() + " of customer " + entry.customerId().value(),
                entry.customerId(), c -> {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO " + log
                            + " (entry_key, customer_id, status, due_sec, due_nano, body) VALUES (?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (entry_key) DO NOTHING")) {
                        s.setString(1, entry.key());
                        s.setString(2, entry.customerId().value());
                        s.setString(3, entry.status().name());
                        s.setLong(4, entry.dueAt().getEpochSecond());
                        s.setInt(5, entry.dueAt().getNano());
                        s.setString(6, body);
                        return s.executeUpdate() == 1;
                    }
                });
    }

    @Override
    public boolean replace(FireEntry expected, FireEntry replacement) {
        requireNonNull(expected, "expected");
        requireNonNull(replacement, "replacement");
        checkArgument(expected.key().equals(replacement.key()), "replacement key %s differs from expected key %s",
                replacement.key(), expected.key());
        checkArgument(expected.customerId().equals(replacement.customerId()),
                "replacement of %s is for customer %s, not %s", expected.key(), replacement.customerId(),
                expected.customerId());
        checkStorable(replacement);
        String body = Codec.fireEntry(replacement);
        return db.write("fire-log entry " + expected.key() + " of customer " + expected.customerId().value(),
                expected.customerId(), c -> {
                    // the common case in one statement: the stored body is the expected entry's encoding
                    if (update(c, replacement, body, Codec.fireEntry(expected))) {
                        return true;
                    }
                    Optional<String> stored = body(c, expected.key());
                    // the same entry: equal as read back, or written from equal values (a
                    // personalisation value that is no JSON type reads back as a map, not as itself)
                    if (stored.isEmpty() || !(stored.get().equals(Codec.fireEntry(expected))
                            || row(expected.key(), expected.customerId().value(), stored.get()).equals(expected))) {
                        return false;
                    }
                    return update(c, replacement, body, stored.get());
                });
    }

    /** Writes the replacement if the stored body is still {@code storedBody}; true if it did. */
    private boolean update(Connection c, FireEntry replacement, String body, String storedBody) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + log
                + " SET status = ?, due_sec = ?, due_nano = ?, body = ? WHERE entry_key = ? AND body = ?")) {
            s.setString(1, replacement.status().name());
            s.setLong(2, replacement.dueAt().getEpochSecond());
            s.setInt(3, replacement.dueAt().getNano());
            s.setString(4, body);
            s.setString(5, replacement.key());
            s.setString(6, storedBody);
            return s.executeUpdate() == 1;
        }
    }

    private Optional<String> body(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT body FROM " + log + " WHERE entry_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<FireEntry> find(String key) {
        requireNonNull(key, "key");
        if (!storable(key)) {
            return Optional.empty();
        }
        return db.read("fire-log entry " + key, c -> find(c, key));
    }

    private Optional<FireEntry> find(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT entry_key, customer_id, body FROM " + log
                + " WHERE entry_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    @Override
    public List<FireEntry> entries(CustomerId customerId) {
        requireNonNull(customerId, "customerId");
        if (!storable(customerId.value())) {
            return List.of();
        }
        return db.read("the fire-log entries of customer " + customerId.value(), c -> entries(c, customerId));
    }

    /**
     * The customer's entries in recording order, on the caller's transaction.
     *
     * @param c the connection
     * @param customerId the customer
     * @return an unmodifiable list
     * @throws SQLException if the query fails
     */
    public List<FireEntry> entries(Connection c, CustomerId customerId) throws SQLException {
        List<FireEntry> out = new ArrayList<>();
        entries(c, customerId, out::add);
        return List.copyOf(out);
    }

    /**
     * Hands the customer's entries to {@code each} in the order recorded as the rows arrive, a
     * page of rows at a time, on the caller's transaction.
     *
     * @param c the connection, in a transaction
     * @param customerId the customer
     * @param each what receives each entry
     * @throws SQLException if the query fails
     */
    public void entries(Connection c, CustomerId customerId, Consumer<FireEntry> each) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT entry_key, customer_id, body FROM " + log
                + " WHERE customer_id = ? ORDER BY seq")) {
            s.setFetchSize(JdbcEventStore.FETCH);
            s.setString(1, customerId.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    each.accept(row(r));
                }
            }
        }
    }

    @Override
    public List<FireEntry> due(Instant asOf) {
        requireNonNull(asOf, "asOf");
        List<FireEntry> out = db.read("the due fire-log entries", c -> {
            List<FireEntry> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT entry_key, customer_id, body FROM " + log
                    + " WHERE status IN ('PENDING', 'IN_FLIGHT') AND (due_sec < ? OR (due_sec = ? AND due_nano <= ?))")) {
                s.setFetchSize(1000);
                s.setLong(1, asOf.getEpochSecond());
                s.setLong(2, asOf.getEpochSecond());
                s.setInt(3, asOf.getNano());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(row(r));
                    }
                }
            }
            return rows;
        });
        // sorted here, not in SQL: the database's collation of keys need not be Java's
        out.sort(DUE_ORDER);
        return List.copyOf(out);
    }

    @Override
    public Stream<FireEntry> entries() {
        // recording order: paged by seq, the key of the page is the last row's seq
        return Pages.of(db, "the fire-log entries", (c, after, limit) -> {
            List<Object[]> page = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT entry_key, customer_id, body, seq FROM " + log
                    + " WHERE seq > ? ORDER BY seq LIMIT " + limit)) {
                s.setLong(1, after == null ? 0 : Long.parseLong(after));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        page.add(new Object[] {row(r), r.getLong(4)});
                    }
                }
            }
            return page;
        }, row -> String.valueOf(row[1])).map(row -> (FireEntry) row[0]);
    }

    @Override
    public int erase(CustomerId customerId) {
        requireNonNull(customerId, "customerId");
        if (!storable(customerId.value())) {
            return 0;
        }
        return db.write("the erasure of the fire-log entries of customer " + customerId.value(), customerId,
                c -> eraseIn(c, customerId.value()));
    }

    int eraseIn(Connection c, String customer) throws SQLException {
        return Summaries.delete(c, "DELETE FROM " + log + " WHERE customer_id = ?", customer);
    }

    private void checkStorable(FireEntry entry) {
        db.dialect().checkStorable("key", entry.key());
        db.dialect().checkStorable("customerId", entry.customerId().value());
    }

    private boolean storable(String value) {
        return db.dialect().canStore(value);
    }

    private FireEntry row(ResultSet r) throws SQLException {
        return row(r.getString(1), r.getString(2), r.getString(3));
    }

    private FireEntry row(String key, String customer, String body) {
        FireEntry cached = decoded.getIfPresent(body);
        if (cached != null && cached.key().equals(key) && cached.customerId().value().equals(customer)) {
            return cached;
        }
        FireEntry entry = Codec.fireEntry(key, customer, body);
        decoded.put(body, entry);
        return entry;
    }
}
