package dev.retention.jdbc;

import dev.retention.core.store.EventStore;
import dev.retention.testkit.contract.EventStoreContract;

/** EventStoreContract, unchanged, against an SQLite file: every test gets tables of its own. */
class SqliteEventStoreContractTest extends EventStoreContract {
    @Override
    protected EventStore newStore() {
        return Databases.newSqliteStore().events();
    }
}
