package dev.retention.jdbc.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.loyalty.LedgerSnapshot;
import dev.retention.rules.loyalty.LedgerStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ledgers over JDBC: one row per entry, unique per customer and key; the customer's version in
 * the customers row. Every append holds the customer, so {@link #appendIfVersion} compares the
 * version and inserts in one transaction that no other append of the customer can enter.
 *
 * <p>Thread-safe.
 */
public final class JdbcLedgerStore implements LedgerStore {
    private final Database db;
    private final String ledger;
    private final String customers;

    /**
     * The ledger view of a store.
     *
     * @param db the store's transactions
     */
    public JdbcLedgerStore(Database db) {
        this.db = requireNonNull(db, "db");
        this.ledger = db.table("ledger");
        this.customers = db.table("customers");
    }

    @Override
    public boolean append(LedgerEntry entry) {
        requireNonNull(entry, "entry");
        checkStorable(entry);
        return db.write("ledger entry " + entry.key() + " of customer " + entry.customerId().value(),
                entry.customerId(), c -> insert(c, List.of(entry)) == 1);
    }

    @Override
    public boolean appendIfVersion(CustomerId customerId, long expectedVersion, List<LedgerEntry> entries) {
        requireNonNull(customerId, "customerId");
        requireNonNull(entries, "entries");
        for (LedgerEntry e : entries) {
            checkArgument(e.customerId().equals(customerId), "entry %s belongs to customer %s, not to %s", e.key(),
                    e.customerId(), customerId);
            checkStorable(e);
        }
        return db.write(entries.size() + " ledger entries of customer " + customerId.value(), customerId, c -> {
            if (version(c, customerId.value()) != expectedVersion) {
                return false;
            }
            insert(c, entries);
            return true;
        });
    }

    private int insert(Connection c, List<LedgerEntry> entries) throws SQLException {
        int added = 0;
        String customer = null;
        // one batch for the entries and one statement for the version: two round trips however many entries
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + ledger
                + " (customer_id, entry_key, body) VALUES (?, ?, ?) ON CONFLICT (customer_id, entry_key) DO NOTHING")) {
            for (LedgerEntry e : entries) {
                customer = e.customerId().value();
                s.setString(1, customer);
                s.setString(2, e.key());
                s.setString(3, Codec.ledgerEntry(e));
                s.addBatch();
            }
            if (customer == null) {
                return 0;
            }
            for (int n : s.executeBatch()) {
                added += n == Statement.SUCCESS_NO_INFO ? 1 : n;
            }
        }
        if (added > 0) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + customers + " AS t (customer_id, ledger_version)"
                    + " VALUES (?, 1) ON CONFLICT (customer_id) DO UPDATE SET ledger_version = t.ledger_version + 1")) {
                s.setString(1, customer);
                s.executeUpdate();
            }
        }
        return added;
    }

    private long version(Connection c, String customer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ledger_version FROM " + customers + " WHERE customer_id = ?")) {
            s.setString(1, customer);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    @Override
    public LedgerSnapshot snapshot(CustomerId customerId) {
        requireNonNull(customerId, "customerId");
        if (!db.dialect().canStore(customerId.value())) {
            return new LedgerSnapshot(customerId, 0, List.of());
        }
        return db.readCustomer("the ledger of customer " + customerId.value(), customerId, c -> snapshot(c, customerId));
    }

    /**
     * The customer's entries and version on the caller's transaction.
     *
     * @param c the connection
     * @param customerId the customer
     * @return the snapshot
     * @throws SQLException if a query fails
     */
    public LedgerSnapshot snapshot(Connection c, CustomerId customerId) throws SQLException {
        long version = version(c, customerId.value());
        List<LedgerEntry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT body FROM " + ledger + " WHERE customer_id = ?")) {
            s.setString(1, customerId.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(Codec.ledgerEntry(customerId.value(), r.getString(1)));
                }
            }
        }
        entries.sort(LedgerEntry.TIME_ORDER);
        return new LedgerSnapshot(customerId, version, entries);
    }

    @Override
    public Set<CustomerId> customers() {
        return db.read("the customers with ledger entries", c -> {
            Set<CustomerId> out = new LinkedHashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT customer_id FROM " + ledger)) {
                s.setFetchSize(1000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(CustomerId.of(r.getString(1)));
                    }
                }
            }
            return Set.copyOf(out);
        });
    }

    @Override
    public int erase(CustomerId customerId) {
        requireNonNull(customerId, "customerId");
        if (!db.dialect().canStore(customerId.value())) {
            return 0;
        }
        return db.write("the erasure of the ledger of customer " + customerId.value(), customerId,
                c -> eraseIn(c, customerId.value()));
    }

    int eraseIn(Connection c, String customer) throws SQLException {
        int n = Summaries.delete(c, "DELETE FROM " + ledger + " WHERE customer_id = ?", customer);
        try (PreparedStatement s = c.prepareStatement("UPDATE " + customers + " SET ledger_version = 0 WHERE customer_id = ?")) {
            s.setString(1, customer);
            s.executeUpdate();
        }
        Summaries.dropEmptyCustomer(c, customers, customer);
        return n;
    }

    private void checkStorable(LedgerEntry e) {
        db.dialect().checkStorable("customerId", e.customerId().value());
        db.dialect().checkStorable("key", e.key());
    }
}
