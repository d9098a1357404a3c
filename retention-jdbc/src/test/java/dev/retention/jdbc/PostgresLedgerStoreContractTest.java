package dev.retention.jdbc;

import dev.retention.rules.loyalty.LedgerStore;
import dev.retention.testkit.contract.LedgerStoreContract;

/** LedgerStoreContract, unchanged, against PostgreSQL: every test gets tables of its own. */
class PostgresLedgerStoreContractTest extends LedgerStoreContract {
    @Override
    protected LedgerStore newStore() {
        return Databases.newPostgresStore().ledger();
    }
}
