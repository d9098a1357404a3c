package dev.retention.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The two databases the stores speak to, told apart by the driver's product name. Immutable. */
public enum Dialect {
    /** PostgreSQL 14 and later: row-level concurrency, a transaction-scoped advisory lock per customer. */
    POSTGRESQL("postgresql"),
    /** SQLite 3.35 and later: one writer at a time, so a write transaction holds every customer. */
    SQLITE("sqlite");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * The folder of this dialect's scripts under {@code db/retention/}.
     *
     * @return the folder name
     */
    public String folder() {
        return folder;
    }

    /**
     * The dialect of the database behind a connection.
     *
     * @param connection an open connection
     * @return the dialect
     * @throws SQLException if the driver cannot say what it is
     * @throws IllegalArgumentException for a database the stores do not support, naming it
     */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        throw new IllegalArgumentException("database " + product + " is not supported: use PostgreSQL or SQLite");
    }

    /**
     * Refuses text the database cannot keep: PostgreSQL's text type has no NUL character, so an id
     * holding one gets a clear error before any statement runs. SQLite keeps it.
     *
     * @param field the argument's name, for the message
     * @param value the text to store in a column of its own
     * @throws IllegalArgumentException naming the field, if the database cannot store the value
     */
    public void checkStorable(String field, String value) {
        if (this == POSTGRESQL && value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " contains a NUL character (\\0), which PostgreSQL cannot"
                    + " store in text; position " + value.indexOf('\0') + " of " + value.length());
        }
    }

    /**
     * Whether the database can keep the text in a column: a key or id it cannot hold was never
     * stored, so reads answer for it as for an unknown one.
     *
     * @param value the text
     * @return false for text with a NUL character on PostgreSQL
     */
    public boolean canStore(String value) {
        return this != POSTGRESQL || value.indexOf('\0') < 0;
    }
}
