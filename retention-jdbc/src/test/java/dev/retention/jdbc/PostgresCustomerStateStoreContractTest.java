package dev.retention.jdbc;

import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.testkit.contract.CustomerStateStoreContract;

/** CustomerStateStoreContract, unchanged, against PostgreSQL: every test gets tables of its own. */
class PostgresCustomerStateStoreContractTest extends CustomerStateStoreContract {
    @Override
    protected CustomerStateStore newStore() {
        return Databases.newPostgresStore();
    }
}
