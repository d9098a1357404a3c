package dev.retention.jdbc;

import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.testkit.contract.CustomerStateStoreContract;

/** CustomerStateStoreContract, unchanged, against an SQLite file: every test gets tables of its own. */
class SqliteCustomerStateStoreContractTest extends CustomerStateStoreContract {
    @Override
    protected CustomerStateStore newStore() {
        return Databases.newSqliteStore();
    }
}
