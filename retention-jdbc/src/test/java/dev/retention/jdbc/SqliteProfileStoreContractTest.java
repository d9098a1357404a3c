package dev.retention.jdbc;

import dev.retention.core.store.ProfileStore;
import dev.retention.testkit.contract.ProfileStoreContract;

/** ProfileStoreContract, unchanged, against an SQLite file: every test gets tables of its own. */
class SqliteProfileStoreContractTest extends ProfileStoreContract {
    @Override
    protected ProfileStore newStore() {
        return Databases.newSqliteStore().profiles();
    }
}
