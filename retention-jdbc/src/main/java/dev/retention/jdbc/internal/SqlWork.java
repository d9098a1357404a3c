package dev.retention.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on a connection inside a transaction the caller manages.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {
    /**
     * Does the work.
     *
     * @param connection the transaction's connection; not to be closed or committed by the work
     * @return the result
     * @throws SQLException if a statement fails
     */
    T run(Connection connection) throws SQLException;
}
