package dev.retention.testkit.contract;

import dev.retention.rules.loyalty.*;
class InMemoryLedgerStoreContractTest extends LedgerStoreContract {

    @Override
    protected LedgerStore newStore() {
        return new InMemoryLedgerStore();
    }
}
