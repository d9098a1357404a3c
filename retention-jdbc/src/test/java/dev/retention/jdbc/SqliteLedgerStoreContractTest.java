package dev.retention.jdbc;

import dev.retention.rules.loyalty.LedgerStore;
import dev.retention.testkit.contract.LedgerStoreContract;

/** LedgerStoreContract, unchanged, against an SQLite file: every test gets tables of its own. */
class SqliteLedgerStoreContractTest extends LedgerStoreContract {
    @Override
    protected LedgerStore newStore() {
        return Databases.newSqliteStore().ledger();
    }
}
