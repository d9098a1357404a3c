package dev.retention.jdbc;

/** Hostile ids on SQLite, which keeps the NUL character in text. */
class SqliteHostileIdsTest extends HostileIdsTestBase {
    @Override
    JdbcCustomerStateStore newStore() {
        return Databases.newSqliteStore();
    }

    @Override
    boolean storesNul() {
        return true;
    }
}
