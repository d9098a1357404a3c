package dev.retention.jdbc;

import dev.retention.core.store.EventStore;
import dev.retention.testkit.contract.EventStoreContract;

/** EventStoreContract, unchanged, against PostgreSQL: every test gets tables of its own. */
class PostgresEventStoreContractTest extends EventStoreContract {
    @Override
    protected EventStore newStore() {
        return Databases.newPostgresStore().events();
    }
}
