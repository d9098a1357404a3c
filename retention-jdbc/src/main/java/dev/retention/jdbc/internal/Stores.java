package dev.retention.jdbc.internal;

import dev.retention.rules.customer.Erasure;
import java.sql.Connection;
import java.sql.SQLException;

/** The seam's erasure over the four views' tables, on one transaction. Stateless. */
public final class Stores {
    private Stores() {}

    /**
     * Deletes every row of the customer: profile first, then fire log, ledger and events.
     *
     * @param c the transaction's connection, holding the customer
     * @param customer the customer id
     * @param events the event view
     * @param profiles the profile view
     * @param fireLog the fire-log view
     * @param ledger the ledger view
     * @return what was removed per store
     * @throws SQLException if a statement fails (the caller rolls back)
     */
    public static Erasure erase(Connection c, String customer, JdbcEventStore events, JdbcProfileStore profiles,
            JdbcFireLog fireLog, JdbcLedgerStore ledger) throws SQLException {
        int profile = profiles.eraseIn(c, customer);
        int decisions = fireLog.eraseIn(c, customer);
        int entries = ledger.eraseIn(c, customer);
        long erased = events.eraseIn(c, customer);
        return new Erasure(erased, profile, decisions, entries);
    }
}
