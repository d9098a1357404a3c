package dev.retention.jdbc;

import dev.retention.core.store.ProfileStore;
import dev.retention.testkit.contract.ProfileStoreContract;

/** ProfileStoreContract, unchanged, against PostgreSQL: every test gets tables of its own. */
class PostgresProfileStoreContractTest extends ProfileStoreContract {
    @Override
    protected ProfileStore newStore() {
        return Databases.newPostgresStore().profiles();
    }
}
