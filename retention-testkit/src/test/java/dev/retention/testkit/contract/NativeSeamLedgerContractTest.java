package dev.retention.testkit.contract;

import dev.retention.rules.loyalty.LedgerStore;
import dev.retention.rules.customer.CustomerStateStore;

/** The native in-memory seam's {@code ledger} view passes the ledger store contract, each test on a new seam. */
class NativeSeamLedgerContractTest extends LedgerStoreContract {

    @Override
    protected LedgerStore newStore() {
        return CustomerStateStore.inMemory().ledger();
    }
}
