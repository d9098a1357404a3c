package dev.retention.jdbc;

/** Hostile ids on PostgreSQL, whose text type refuses the NUL character. */
class PostgresHostileIdsTest extends HostileIdsTestBase {
    @Override
    JdbcCustomerStateStore newStore() {
        return Databases.newPostgresStore();
    }

    @Override
    boolean storesNul() {
        return false;
    }
}
