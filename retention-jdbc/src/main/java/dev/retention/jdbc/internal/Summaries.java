package dev.retention.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small statements the stores share: the customers row, counts, deletes, pages of ids. Stateless. */
final class Summaries {
    private Summaries() {}

    /** Drops the customers row once it holds neither events nor a ledger version worth keeping. */
    static void dropEmptyCustomer(Connection c, String customers, String customer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + customers
                + " WHERE customer_id = ? AND event_count = 0 AND ledger_version = 0")) {
            s.setString(1, customer);
            s.executeUpdate();
        }
    }

    static long sum(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    static int delete(Connection c, String sql, String customer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, customer);
            return s.executeUpdate();
        }
    }

    /** Up to {@code limit} ids of the customers table after {@code after} (all from the start if null), in id order. */
    static List<String> customersAfter(Connection c, String customers, String where, String after, int limit)
            throws SQLException {
        String sql = "SELECT customer_id FROM " + customers + " WHERE " + where
                + (after == null ? "" : " AND customer_id > ?") + " ORDER BY customer_id LIMIT " + limit;
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (after != null) {
                s.setString(1, after);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }
}
