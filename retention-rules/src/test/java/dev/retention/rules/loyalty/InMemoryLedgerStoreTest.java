package dev.retention.rules.loyalty;

class InMemoryLedgerStoreTest extends LedgerStoreContract {

    @Override
    protected LedgerStore newStore() {
        return new InMemoryLedgerStore();
    }
}
